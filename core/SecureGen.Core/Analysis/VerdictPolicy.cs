namespace SecureGen.Core.Analysis;

/// <summary>
/// Turns tool runs into a verdict (docs/verdict-policy.md). Vulnerable needs one finding at or above
/// the severity threshold whose confidence is at or above the confidence threshold; Secure needs every
/// required tool to have run cleanly; anything else is Unknown. A Vulnerable verdict carries the
/// confidence of its evidence: the best confidence among the deciding findings, raised to High when
/// two analyzers report the same weakness on nearby lines.
/// </summary>
public sealed class VerdictPolicy
{
    /// <summary>Two findings of one CWE this many lines apart or closer describe the same weakness.</summary>
    public const int AgreementLineDistance = 3;

    public VerdictPolicy(Severity minimumSeverity = Severity.Medium, Severity minimumConfidence = Severity.Low)
    {
        MinimumSeverity = minimumSeverity;
        MinimumConfidence = minimumConfidence;
    }

    /// <summary>Findings below this severity are reported but do not make a candidate Vulnerable.</summary>
    public Severity MinimumSeverity { get; }

    /// <summary>
    /// Findings below this confidence are reported but do not decide. The default (Low) lets every
    /// confidence decide: requiring Medium removed about half the false alarms on the secure-side data
    /// but also over a quarter of the detections on the vulnerable side (docs/verdict-policy.md).
    /// </summary>
    public Severity MinimumConfidence { get; }

    public AnalysisReport Decide(IReadOnlyList<string> requiredTools, IReadOnlyList<ToolRun> runs, string? syntaxError)
    {
        ArgumentNullException.ThrowIfNull(requiredTools);
        ArgumentNullException.ThrowIfNull(runs);
        if (syntaxError is not null)
        {
            return new AnalysisReport(Verdict.Unknown, [], runs, [$"code does not parse: {syntaxError}"], syntaxError);
        }

        var findings = runs.SelectMany(r => r.Findings).OrderBy(f => f.Line).ThenBy(f => f.Tool, StringComparer.Ordinal).ToList();
        var decisive = findings.Where(IsDecisive).ToList();
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
            return new AnalysisReport(Verdict.Vulnerable, findings, runs, reasons, Confidence: EvidenceConfidence(decisive, findings));
        }

        if (reasons.Count > 0)
        {
            return new AnalysisReport(Verdict.Unknown, findings, runs, reasons);
        }

        reasons.Add($"no finding at or above {MinimumSeverity} from {string.Join(", ", requiredTools)}");
        return new AnalysisReport(Verdict.Secure, findings, runs, reasons);
    }

    /// <summary>True when this finding alone makes a candidate Vulnerable.</summary>
    public bool IsDecisive(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Severity >= MinimumSeverity && finding.Confidence >= MinimumConfidence;
    }

    /// <summary>
    /// How strong the evidence of these findings is: null when none decides, else the best confidence
    /// among the deciding ones, High when two analyzers report one CWE within <see cref="AgreementLineDistance"/> lines.
    /// </summary>
    public Severity? EvidenceConfidence(IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var decisive = findings.Where(IsDecisive).ToList();
        return decisive.Count == 0 ? null : EvidenceConfidence(decisive, findings);
    }

    private static Severity EvidenceConfidence(List<Finding> decisive, IReadOnlyList<Finding> all)
    {
        var corroborated = decisive.Any(f => f.Cwe is not null && all.Any(g =>
            g.Tool != f.Tool && g.Cwe == f.Cwe && Math.Abs(g.Line - f.Line) <= AgreementLineDistance));
        return corroborated ? Severity.High : decisive.Max(f => f.Confidence);
    }
}
