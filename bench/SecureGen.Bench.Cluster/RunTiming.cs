using System.Globalization;
using System.Text.Json;

namespace SecureGen.Bench.Cluster;

/// <summary>A run's processing time from results.jsonl: first session start to last completion, and the median session duration.</summary>
internal sealed record RunTiming(int Sessions, TimeSpan Span, double MedianSessionMs)
{
    public double SessionsPerSecond => Sessions / Span.TotalSeconds;

    public static RunTiming Read(string resultsFile)
    {
        var sessions = File.ReadAllLines(resultsFile).Select(l => JsonDocument.Parse(l).RootElement).Select(r => (
            End: DateTimeOffset.Parse(r.GetProperty("completed_at").GetString()!, CultureInfo.InvariantCulture),
            DurationMs: r.GetProperty("duration_ms").GetDouble())).ToList();
        var start = sessions.Min(s => s.End.AddMilliseconds(-s.DurationMs));
        var end = sessions.Max(s => s.End);
        var durations = sessions.Select(s => s.DurationMs).Order().ToList();
        return new RunTiming(sessions.Count, end - start, durations[durations.Count / 2]);
    }
}
