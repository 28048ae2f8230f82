namespace SecureGen.Core.Analysis;

/// <summary>
/// Turns tool runs into a verdict. Vulnerable needs one finding at or above the severity
/// threshold; Secure needs every required tool to have run cleanly; anything else is Unknown.
/// </summary>
public sealed class VerdictPolicy
{
    public VerdictPolicy(Severity minimumSeverity = Severity.Medium) => MinimumSeverity = minimumSeverity;

    /// <summary>Findings below this severity are reported but do not make a candidate Vulnerable.</summary>
    public Severity MinimumSeverity { get; }

    public AnalysisReport Decide(IReadOnlyList<string> requiredTools, IReadOnlyList<ToolRun> runs, string? syntaxError)
    {
        ArgumentNullException.ThrowIfNull(requiredTools);
        ArgumentNullException.ThrowIfNull(runs);
        if (syntaxError is not null)
        {
            return new AnalysisReport(Verdict.Unknown, [], runs, [$"code does not parse: {syntaxError}"], syntaxError);
        }

        var findings = runs.SelectMany(r => r.Findings).OrderBy(f => f.Line).ThenBy(f => f.Tool, StringComparer.Ordinal).ToList();
        var decisive = findings.Where(f => f.Severity >= MinimumSeverity).ToList();
        var reasons = new List<string>();
        foreach (var tool in requiredTools)
        {
            var run = runs.FirstOrDefault(r => r.Tool == tool);
            if (run is null)
            {
                reasons.Add($"{tool} did not run");
            }
            else if (!run.Succeeded)
            {
                reasons.Add($"{tool} failed: {run.Error}");
            }
        }

        if (decisive.Count > 0)
        {
            // A finding is evidence even when another tool failed: Vulnerable is the safe side.
            reasons.InsertRange(0, decisive.Select(f => $"{f.Tool} {f.RuleId} (CWE-{f.Cwe?.ToString() ?? "?"}, {f.Severity}) at line {f.Line}"));
            return new AnalysisReport(Verdict.Vulnerable, findings, runs, reasons);
        }

        if (reasons.Count > 0)
        {
            return new AnalysisReport(Verdict.Unknown, findings, runs, reasons);
        }

        reasons.Add($"no finding at or above {MinimumSeverity} from {string.Join(", ", requiredTools)}");
        return new AnalysisReport(Verdict.Secure, findings, runs, reasons);
    }
}
