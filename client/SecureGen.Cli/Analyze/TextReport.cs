using System.Text;
using SecureGen.Core.Analysis;

namespace SecureGen.Cli.Analyze;

/// <summary>The human-readable `analyze` report: one block per file, then a summary line.</summary>
internal static class TextReport
{
    public static string Render(IReadOnlyList<AnalyzedFile> files, IReadOnlyList<string> analyzers)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var report = file.Report;
            text.Append(file.DisplayPath).Append(": ").Append(report.Verdict).Append('\n');
            foreach (var finding in report.ToolRuns.SelectMany(r => r.Findings).OrderBy(f => f.Line).ThenBy(f => f.Tool, StringComparer.Ordinal).ThenBy(f => f.RuleId, StringComparer.Ordinal))
            {
                text.Append("  line ").Append(finding.Line).Append(": ")
                    .Append(finding.Severity.ToString().ToLowerInvariant()).Append(' ')
                    .Append(finding.Tool).Append(' ').Append(finding.RuleId)
                    .Append(finding.Cwe is int cwe ? $" CWE-{cwe}" : string.Empty)
                    .Append(": ").Append(OneLine(finding.Message))
                    .Append(finding.SourceLine is int source ? $" (data from line {source})" : string.Empty)
                    .Append('\n');
            }

            // A Vulnerable file's reasons repeat its findings; what else went wrong is in the failed runs.
            var notes = report.Verdict == Verdict.Vulnerable
                ? report.ToolRuns.Where(r => !r.Succeeded).Select(r => $"{r.Tool} failed: {r.Error}")
                : report.Verdict == Verdict.Unknown ? report.Reasons : [];
            foreach (var note in notes)
            {
                text.Append("  reason: ").Append(OneLine(note)).Append('\n');
            }
        }

        text.Append(Summary(files, analyzers)).Append('\n');
        return text.ToString();
    }

    public static string Summary(IReadOnlyList<AnalyzedFile> files, IReadOnlyList<string> analyzers)
    {
        int Count(Verdict v) => files.Count(f => f.Report.Verdict == v);
        var noun = files.Count == 1 ? "file" : "files";
        return $"{files.Count} {noun}: {Count(Verdict.Secure)} secure, {Count(Verdict.Vulnerable)} vulnerable, {Count(Verdict.Unknown)} unknown (analyzers: {string.Join(", ", analyzers)})";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
