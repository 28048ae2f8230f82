using System.Text;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>Compares two runs: per-strategy figures side by side and per-session verdict changes.</summary>
public static class RunComparer
{
    public static RunComparison Compare(string runA, IReadOnlyList<SessionResult> a, string runB, IReadOnlyList<SessionResult> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var metricsA = MetricsCalculator.PerStrategy(a).ToDictionary(s => s.Strategy, StringComparer.Ordinal);
        var metricsB = MetricsCalculator.PerStrategy(b).ToDictionary(s => s.Strategy, StringComparer.Ordinal);
        var deltas = new List<StrategyDelta>();
        foreach (var strategy in metricsA.Keys.Union(metricsB.Keys).Order(StringComparer.Ordinal))
        {
            var before = metricsA.GetValueOrDefault(strategy);
            var after = metricsB.GetValueOrDefault(strategy);
            deltas.Add(new StrategyDelta(strategy, "n", before?.Judged, after?.Judged));
            deltas.Add(new StrategyDelta(strategy, "secure rate", before?.SecureRate, after?.SecureRate));
            deltas.Add(new StrategyDelta(strategy, "vulnerable rate", before?.VulnerableRate, after?.VulnerableRate));
            deltas.Add(new StrategyDelta(strategy, "unknown rate", before?.UnknownRate, after?.UnknownRate));
            foreach (var metric in new[] { "secure@1", "vulnerable@1", "pass@1" })
            {
                var x = before?.AtK.FirstOrDefault(m => m.Metric == metric)?.Value;
                var y = after?.AtK.FirstOrDefault(m => m.Metric == metric)?.Value;
                if (x is not null || y is not null)
                {
                    deltas.Add(new StrategyDelta(strategy, metric, x, y));
                }
            }
        }

        var byKeyA = a.ToDictionary(Key);
        var byKeyB = b.ToDictionary(Key);
        var changes = byKeyA.Keys.Intersect(byKeyB.Keys)
            .Select(k => (A: byKeyA[k], B: byKeyB[k]))
            .Where(p => p.A.Verdict != p.B.Verdict)
            .Select(p => new VerdictChange(p.A.TaskId, p.A.Strategy, p.A.SampleIndex, p.A.Verdict, p.B.Verdict))
            .OrderBy(c => c.TaskId, StringComparer.Ordinal).ThenBy(c => c.Strategy, StringComparer.Ordinal).ThenBy(c => c.SampleIndex)
            .ToList();
        var matched = byKeyA.Keys.Count(byKeyB.ContainsKey);
        return new RunComparison(runA, runB, deltas, changes, matched, byKeyA.Count - matched, byKeyB.Count - matched);
    }

    public static string ToMarkdown(RunComparison comparison, int maxChanges = 50)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var md = new StringBuilder();
        md.Append("# ").Append(comparison.RunA).Append(" → ").Append(comparison.RunB).Append("\n\n")
            .Append(Invariant.Int(comparison.Matched)).Append(" sessions matched by (task, strategy, sample); ")
            .Append(Invariant.Int(comparison.OnlyInA)).Append(" only in A, ").Append(Invariant.Int(comparison.OnlyInB)).Append(" only in B.\n\n")
            .Append("| strategy | metric | A | B | change |\n|---|---|---:|---:|---:|\n");
        foreach (var d in comparison.Strategies)
        {
            var decimals = d.Metric == "n" ? 0 : 3;
            md.Append("| ").Append(d.Strategy).Append(" | ").Append(d.Metric)
                .Append(" | ").Append(d.Before is { } x ? Invariant.Num(x, decimals) : "—")
                .Append(" | ").Append(d.After is { } y ? Invariant.Num(y, decimals) : "—")
                .Append(" | ").Append(d.Change is { } c ? (c > 0 ? "+" : string.Empty) + Invariant.Num(c, decimals) : "—")
                .Append(" |\n");
        }

        var improved = comparison.Changes.Count(c => c.Improved);
        var regressed = comparison.Changes.Count(c => c.Regressed);
        md.Append('\n').Append(Invariant.Int(comparison.Changes.Count)).Append(" verdict changes: ")
            .Append(Invariant.Int(improved)).Append(" became secure, ")
            .Append(Invariant.Int(regressed)).Append(" stopped being secure, ")
            .Append(Invariant.Int(comparison.Changes.Count - improved - regressed)).Append(" other.\n");
        if (comparison.Changes.Count > 0)
        {
            md.Append("\n| task | strategy | sample | A | B |\n|---|---|---:|---|---|\n");
            foreach (var c in comparison.Changes.Take(maxChanges))
            {
                md.Append("| ").Append(c.TaskId).Append(" | ").Append(c.Strategy).Append(" | ").Append(Invariant.Int(c.SampleIndex))
                    .Append(" | ").Append(c.Before.ToString()).Append(" | ").Append(c.After.ToString()).Append(" |\n");
            }

            if (comparison.Changes.Count > maxChanges)
            {
                md.Append("\n(").Append(Invariant.Int(comparison.Changes.Count - maxChanges)).Append(" more not shown)\n");
            }
        }

        return md.ToString();
    }

    private static (string, string, int) Key(SessionResult r) => (r.TaskId, r.Strategy, r.SampleIndex);
}
