namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// One piece of code for training, before tokenization: tokens on <see cref="VulnerableLines"/> get label 1,
/// all others 0. <see cref="Group"/> decides the split; <see cref="PairId"/> links a vulnerable version to its fix.
/// </summary>
/// <param name="Role">"vulnerable" (has a fix), "fixed", or "flagged" (a detector's flagged line, no fix known).</param>
public sealed record LabeledCode(
    string Id,
    string Source,
    string Group,
    int? Cwe,
    string? PairId,
    string Role,
    string Code,
    IReadOnlySet<int> VulnerableLines)
{
    public const string Vulnerable = "vulnerable";
    public const string Fixed = "fixed";
    public const string Flagged = "flagged";

    /// <summary>A vulnerable/fixed pair: the lines the fix removed or changed are the vulnerable ones.</summary>
    public static IEnumerable<LabeledCode> Pair(string id, string source, string group, int? cwe, string before, string after, IReadOnlySet<int>? vulnerableLines = null)
    {
        yield return new LabeledCode($"{id}:before", source, group, cwe, id, Vulnerable, before, vulnerableLines ?? LineDiff.RemovedLines(before, after));
        yield return new LabeledCode($"{id}:after", source, group, cwe, id, Fixed, after, new HashSet<int>());
    }
}
