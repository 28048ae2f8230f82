using System.Globalization;
using System.Text.Json;

namespace SecureGen.Bench.Cluster;

/// <summary>A run's processing time from results.jsonl: first session start to last completion, each session's duration and start.</summary>
internal sealed record RunTiming(int Sessions, TimeSpan Span, IReadOnlyList<double> DurationsMs, IReadOnlyList<DateTimeOffset> Starts)
{
    public double MedianSessionMs => Median(DurationsMs);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public double SessionsPerSecond => Sessions / Span.TotalSeconds;

    public static RunTiming Read(string resultsFile)
    {
        var sessions = File.ReadAllLines(resultsFile).Select(l => JsonDocument.Parse(l).RootElement).Select(r => (
            End: DateTimeOffset.Parse(r.GetProperty("completed_at").GetString()!, CultureInfo.InvariantCulture),
            DurationMs: r.GetProperty("duration_ms").GetDouble())).ToList();
        var starts = sessions.Select(s => s.End.AddMilliseconds(-s.DurationMs)).Order().ToList();
        var end = sessions.Max(s => s.End);
        return new RunTiming(sessions.Count, end - starts[0], sessions.Select(s => s.DurationMs).ToList(), starts);
    }
}
