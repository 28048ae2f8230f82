using System.Text;
using SecureGen.Core.Metrics;

namespace SecureGen.Core.Reporting;

/// <summary>
/// metrics.csv: one figure a row, in long form, each with the counts it rests on
/// (tasks, n, unparsable, duplicates, unknown, infrastructure failures). Empty value: not defined, see note.
/// </summary>
public static class MetricsCsvWriter
{
    public const string Header = "scope,strategy,cwe,metric,k,value,ci_low,ci_high,tasks,tasks_below_k,n,unparsable,duplicates,unknown,infrastructure_failures,note";

    public static string Write(RunMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var s in metrics.Strategies)
        {
            var counts = $"{s.Judged},{s.Unparsable},{s.Duplicates},{s.Unknown},{s.InfrastructureFailures}";
            Row(csv, "strategy", s.Strategy, null, "secure_rate", null, s.SecureRate, s.SecureRateInterval, s.Tasks, 0, counts, null);
            Row(csv, "strategy", s.Strategy, null, "vulnerable_rate", null, s.VulnerableRate, s.VulnerableRateInterval, s.Tasks, 0, counts, null);
            Row(csv, "strategy", s.Strategy, null, "unknown_rate", null, s.UnknownRate, null, s.Tasks, 0, counts, null);
            foreach (var m in s.AtK)
            {
                var metric = m.Metric[..m.Metric.IndexOf('@', StringComparison.Ordinal)] + "@k";
                Row(csv, "strategy", s.Strategy, null, metric, m.K, m.Value, m.Interval, m.Tasks, m.TasksBelowK, counts, m.Note);
            }
        }

        foreach (var c in metrics.PerCwe)
        {
            var counts = $"{c.N},{c.Unparsable},{c.Duplicates},{c.Unknown},{c.InfrastructureFailures}";
            var cwe = c.Cwe is { } id ? $"CWE-{id}" : "none";
            Row(csv, "cwe", c.Strategy, cwe, "secure_rate", null, c.SecureRate, null, c.Tasks, 0, counts, null);
            Row(csv, "cwe", c.Strategy, cwe, "vulnerable_rate", null, c.VulnerableRate, null, c.Tasks, 0, counts, null);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string scope, string strategy, string? cwe, string metric, int? k, double? value, ConfidenceInterval? interval, int tasks, int belowK, string counts, string? note) =>
        csv.Append(scope).Append(',')
            .Append(Quote(strategy)).Append(',')
            .Append(cwe).Append(',')
            .Append(metric).Append(',')
            .Append(k is { } kk ? Invariant.Int(kk) : string.Empty).Append(',')
            .Append(Invariant.Num(value, 6)).Append(',')
            .Append(Invariant.Num(interval?.Low, 6)).Append(',')
            .Append(Invariant.Num(interval?.High, 6)).Append(',')
            .Append(Invariant.Int(tasks)).Append(',')
            .Append(Invariant.Int(belowK)).Append(',')
            .Append(counts).Append(',')
            .Append(Quote(note ?? string.Empty)).Append('\n');

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
