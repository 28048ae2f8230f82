using System.Globalization;
using System.Text.Json;

namespace SecureGen.Bench.Cluster;

/// <summary>A run's processing time from results.jsonl: first session start to last completion, the median session duration, and each session's start.</summary>
internal sealed record RunTiming(int Sessions, TimeSpan Span, double MedianSessionMs, IReadOnlyList<DateTimeOffset> Starts)
{
    public double SessionsPerSecond => Sessions / Span.TotalSeconds;

    public static RunTiming Read(string resultsFile)
    {
        var sessions = File.ReadAllLines(resultsFile).Select(l => JsonDocument.Parse(l).RootElement).Select(r => (
            End: DateTimeOffset.Parse(r.GetProperty("completed_at").GetString()!, CultureInfo.InvariantCulture),
            DurationMs: r.GetProperty("duration_ms").GetDouble())).ToList();
        var starts = sessions.Select(s => s.End.AddMilliseconds(-s.DurationMs)).Order().ToList();
        var end = sessions.Max(s => s.End);
        var durations = sessions.Select(s => s.DurationMs).Order().ToList();
        return new RunTiming(sessions.Count, end - starts[0], durations[durations.Count / 2], starts);
    }
}
