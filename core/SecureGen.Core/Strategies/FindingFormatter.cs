using System.Text;
using SecureGen.Core.Analysis;

namespace SecureGen.Core.Strategies;

/// <summary>Analyzer findings as text for a model: one line per finding, or a Bandit-style raw report.</summary>
public static class FindingFormatter
{
    /// <summary>One line per finding: rule, CWE with its name, severity, lines and the analyzer's description.</summary>
    public static string Structured(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Findings.Count == 0)
        {
            return string.Join("\n", report.Reasons.Select(r => $"- {r}"));
        }

        var text = new StringBuilder();
        foreach (var f in report.Findings)
        {
            text.Append("- ").Append(f.Tool).Append(' ').Append(f.RuleId);
            text.Append(f.Cwe is { } cwe ? $" ({CweCatalog.Describe(cwe)})" : " (no CWE)");
            text.Append($", {f.Severity} severity, ").Append(Lines(f)).Append(": ").Append(f.Message.Trim());
            if (f.SourceLine is { } source && f.SinkLine is { } sink)
            {
                text.Append($" (untrusted data enters at line {source} and reaches the sink at line {sink})");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The findings as Bandit prints them in its text report, for the raw-feedback baselines.</summary>
    public static string Raw(AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Findings.Count == 0)
        {
            return report.Verdict == Verdict.Secure ? "No issues identified." : string.Join("\n", report.Reasons.Select(r => $">> {r}"));
        }

        var text = new StringBuilder();
        foreach (var f in report.Findings)
        {
            text.Append($">> Issue: [{f.RuleId}] {f.Message.Trim()}\n");
            text.Append($"   Severity: {f.Severity}   Confidence: {f.Confidence}\n");
            if (f.Cwe is { } cwe)
            {
                text.Append($"   CWE: CWE-{cwe}\n");
            }

            text.Append($"   Location: line {f.Line}{(f.EndLine > f.Line ? $"-{f.EndLine}" : string.Empty)} ({f.Tool})\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string Lines(Finding f) => f.EndLine > f.Line ? $"lines {f.Line}-{f.EndLine}" : $"line {f.Line}";
}
