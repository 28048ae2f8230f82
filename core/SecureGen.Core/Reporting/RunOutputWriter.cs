using System.Text;
using System.Text.Json;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>Writes a run's output directory: results.jsonl (one session a line) and metrics.json.</summary>
public static class RunOutputWriter
{
    public const string ResultsFile = "results.jsonl";
    public const string MetricsFile = "metrics.json";

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

    public static async Task WriteAsync(string outputDirectory, string runId, IReadOnlyList<SessionResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        var ordered = results.OrderBy(r => r.TaskId, StringComparer.Ordinal).ThenBy(r => r.Strategy, StringComparer.Ordinal).ThenBy(r => r.SampleIndex).ToList();
        var lines = new StringBuilder();
        foreach (var result in ordered)
        {
            lines.Append(JsonSerializer.Serialize(result, ResultJson.Options)).Append('\n');
        }

        await WriteAtomicallyAsync(Path.Combine(outputDirectory, ResultsFile), lines.ToString(), cancellationToken);
        var metrics = Summarize(runId, ordered);
        await WriteAtomicallyAsync(Path.Combine(outputDirectory, MetricsFile), JsonSerializer.Serialize(metrics, ResultJson.Indented) + "\n", cancellationToken);
    }

    /// <summary>The run's metrics: per-strategy rates, and classification scores when the classify task ran.</summary>
    public static RunMetrics Summarize(string runId, IReadOnlyList<SessionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var classification = MetricsCalculator.Classification(results);
        return new RunMetrics(runId, results.Count, results.Any(r => r.Simulated), MetricsCalculator.PerStrategy(results), classification.Count == 0 ? null : classification);
    }

    /// <summary>Write to a temp file then rename, so a reader never sees half a file.</summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
