namespace SecureGen.Core.Analysis;

/// <summary>Everything known about one candidate after static analysis.</summary>
/// <param name="Reasons">Why the verdict is what it is, in words a user can act on.</param>
/// <param name="SyntaxError">Set when the code does not parse; such code is Unknown, never Secure.</param>
/// <param name="Confidence">For Vulnerable: how strong the deciding evidence is (docs/verdict-policy.md); null otherwise.</param>
public sealed record AnalysisReport(
    Verdict Verdict,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ToolRun> ToolRuns,
    IReadOnlyList<string> Reasons,
    string? SyntaxError = null,
    Severity? Confidence = null)
{
    public static AnalysisReport Unknown(string reason, IReadOnlyList<ToolRun>? toolRuns = null) =>
        new(Verdict.Unknown, [], toolRuns ?? [], [reason]);
}
