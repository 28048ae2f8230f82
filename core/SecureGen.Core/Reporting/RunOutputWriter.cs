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
        var metrics = new RunMetrics(runId, ordered.Count, ordered.Any(r => r.Simulated), MetricsCalculator.PerStrategy(ordered), LlmUsage.Of(ordered));
        await WriteAtomicallyAsync(Path.Combine(outputDirectory, MetricsFile), JsonSerializer.Serialize(metrics, ResultJson.Indented) + "\n", cancellationToken);
    }

    /// <summary>Write to a temp file then rename, so a reader never sees half a file.</summary>
    private static async Task WriteAtomicallyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, content, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}
