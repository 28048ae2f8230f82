using System.Text;
using System.Text.Json;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>
/// Writes a run's output directory from its session results: results.jsonl (one session a line),
/// metrics.json, metrics.csv, report.md, report.html and, when a SARIF writer is connected, results.sarif.
/// Everything is derived from the results, so `securegen report DIR` can rebuild it at any time.
/// </summary>
public static class RunOutputWriter
{
    public const string ResultsFile = "results.jsonl";
    public const string MetricsFile = "metrics.json";
    public const string MetricsCsvFile = "metrics.csv";
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "report.html";
    public const string SarifFile = "results.sarif";

    /// <summary>Creates the folder and proves it is writable before any work starts.</summary>
    public static void EnsureWritable(string outputDirectory)
    {
        try
        {
            Directory.CreateDirectory(outputDirectory);
            var probe = Path.Combine(outputDirectory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"output directory '{outputDirectory}' is not writable: {e.Message}", e);
        }
    }

    public static async Task<RunMetrics> WriteAsync(
        string outputDirectory,
        string runId,
        IReadOnlyList<SessionResult> results,
        CancellationToken cancellationToken,
        IRunSarifWriter? sarif = null,
        MetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        sarif ??= new SessionSarifWriter();
        var ordered = results.OrderBy(r => r.TaskId, StringComparer.Ordinal).ThenBy(r => r.Strategy, StringComparer.Ordinal).ThenBy(r => r.SampleIndex).ToList();
        var lines = new StringBuilder();
        foreach (var result in ordered)
        {
            lines.Append(JsonSerializer.Serialize(result, ResultJson.Options)).Append('\n');
        }

        await WriteAtomicallyAsync(Path.Combine(outputDirectory, ResultsFile), lines.ToString(), cancellationToken);
        var metrics = RunMetrics.From(runId, ordered, options);
        await WriteAtomicallyAsync(Path.Combine(outputDirectory, MetricsFile), JsonSerializer.Serialize(metrics, ResultJson.Indented) + "\n", cancellationToken);
        await WriteAtomicallyAsync(Path.Combine(outputDirectory, MetricsCsvFile), MetricsCsvWriter.Write(metrics), cancellationToken);

        string sarifNote;
        if (sarif is null)
        {
            sarifNote = "no SARIF writer is connected in this build; findings are in results.jsonl";
        }
        else
        {
            await sarif.WriteAsync(Path.Combine(outputDirectory, SarifFile), runId, ordered, cancellationToken);
            sarifNote = $"merged log of every session's findings in {SarifFile}";
        }

        await WriteAtomicallyAsync(Path.Combine(outputDirectory, MarkdownFile), MarkdownReportWriter.Write(metrics, sarifNote), cancellationToken);
        await WriteAtomicallyAsync(Path.Combine(outputDirectory, HtmlFile), HtmlReportWriter.Write(metrics, ordered, sarifNote), cancellationToken);
        return metrics;
    }

    /// <summary>The run's metrics: per-strategy rates, and classification scores when the classify task ran.</summary>

    /// <summary>Write to a temp file then rename, so a reader never sees half a file.</summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
