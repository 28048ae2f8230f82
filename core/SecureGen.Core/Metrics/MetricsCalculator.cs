using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>Computes per-strategy and per-CWE figures from session results (definitions: docs/metrics.md).</summary>
public static class MetricsCalculator
{
    /// <summary>The judge of sessions that produced classifications rather than code.</summary>
    public const string ClassificationJudge = "classification";

    private static readonly AtKMetricKind[] AllMetrics = [AtKMetricKind.PassAtK, AtKMetricKind.SecureAtK, AtKMetricKind.VulnerableAtK, AtKMetricKind.FuncSecAtK];

    public static IReadOnlyList<StrategyMetrics> PerStrategy(IEnumerable<SessionResult> results, MetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= MetricsOptions.Default;
        return results
            .GroupBy(r => r.Strategy, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Compute(g.Key, g.ToList(), options))
            .ToList();
    }

    /// <summary>Detection and CWE classification scores of the strategies that answered the classify task.</summary>
    public static IReadOnlyList<ClassificationMetrics> Classification(IEnumerable<SessionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results
            .Where(r => r.Classifications is { Count: > 0 })
            .GroupBy(r => r.Strategy, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ClassificationScorer.Score(g.Key, g.SelectMany(r => r.Classifications!).ToList()))
            .ToList();
    }

    public static IReadOnlyList<CweMetrics> PerCwe(IEnumerable<SessionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = new List<CweMetrics>();
        foreach (var strategy in results.GroupBy(r => r.Strategy, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var cwe in PerTask(strategy).GroupBy(t => t.Cwe).OrderBy(g => g.Key ?? int.MaxValue))
            {
                var tasks = cwe.ToList();
                var n = tasks.Sum(t => t.N);
                rows.Add(new CweMetrics(
                    strategy.Key,
                    cwe.Key,
                    tasks.Count,
                    n,
                    tasks.Sum(t => t.Secure),
                    tasks.Sum(t => t.Vulnerable),
                    tasks.Sum(t => t.Unknown),
                    tasks.Sum(t => t.Unparsable),
                    tasks.Sum(t => t.Duplicates),
                    tasks.Sum(t => t.InfrastructureFailures),
                    Rate(tasks.Sum(t => t.Secure), n),
                    Rate(tasks.Sum(t => t.Vulnerable), n),
                    MeanEstimate(tasks, AtKMetricKind.SecureAtK, 1),
                    MeanEstimate(tasks, AtKMetricKind.VulnerableAtK, 1)));
            }
        }

        return rows;
    }

    /// <summary>The counts of one strategy's samples, task by task, in task order.</summary>
    public static IReadOnlyList<TaskSamples> PerTask(IEnumerable<SessionResult> strategyResults)
    {
        ArgumentNullException.ThrowIfNull(strategyResults);
        return strategyResults
            .GroupBy(r => r.TaskId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(Count)
            .ToList();
    }

    /// <summary>Mean over tasks of the per-task estimate; null when no task defines it at this k.</summary>
    public static double? MeanEstimate(IReadOnlyList<TaskSamples> tasks, AtKMetricKind metric, int k)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var values = tasks.Select(t => t.Estimate(metric, k)).OfType<double>().ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 6);
    }

    private static TaskSamples Count(IGrouping<string, SessionResult> task)
    {
        var all = task.ToList();
        var judged = all.Where(r => r.InfrastructureFailure is null && r.Judge != ClassificationJudge).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = judged.Count(r => !string.IsNullOrWhiteSpace(r.FinalCode) && !seen.Add(CodeNormalizer.Normalize(r.FinalCode)));

        // pass@k is defined for a task only when every judged sample went through its functional tests.
        var tested = judged.Count > 0 && judged.All(r => r.FunctionalTestsPassed is not null);
        return new TaskSamples(
            task.Key,
            all[0].Cwe,
            all.Count,
            judged.Count,
            judged.Count(r => r.Verdict == Verdict.Secure),
            judged.Count(r => r.Verdict == Verdict.Vulnerable),
            judged.Count(r => r.Verdict == Verdict.Unknown),
            judged.Count(r => r.Unparsable),
            duplicates,
            all.Count(r => r.InfrastructureFailure is not null),
            tested ? judged.Count(r => r.FunctionalTestsPassed == true) : null,
            tested ? judged.Count(r => r.FunctionalTestsPassed == true && r.Verdict == Verdict.Secure) : null);
    }

    private static StrategyMetrics Compute(string strategy, List<SessionResult> all, MetricsOptions options)
    {
        var judged = all.Where(r => r.InfrastructureFailure is null && r.Judge != ClassificationJudge).ToList();
        var secure = judged.Count(r => r.Verdict == Verdict.Secure);
        var vulnerable = judged.Count(r => r.Verdict == Verdict.Vulnerable);
        var unknown = judged.Count(r => r.Verdict == Verdict.Unknown);
        var tasks = PerTask(all);
        var durations = all.Select(r => r.DurationMs).Order().ToList();
        var calls = all.SelectMany(r => r.LlmCalls).ToList();
        var llm = LlmUsage.Of(calls);
        var costs = all.Select(SessionUsage.CostUsd).ToList();
        return new StrategyMetrics(
            strategy,
            Sessions: all.Count,
            Judged: judged.Count,
            Secure: secure,
            Vulnerable: vulnerable,
            Unknown: unknown,
            Unparsable: judged.Count(r => r.Unparsable),
            InfrastructureFailures: all.Count(r => r.InfrastructureFailure is not null),
            SecureRate: Rate(secure, judged.Count),
            VulnerableRate: Rate(vulnerable, judged.Count),
            UnknownRate: Rate(unknown, judged.Count),
            PromptTokens: llm.PromptTokens,
            CompletionTokens: llm.CompletionTokens,
            Simulated: all.Any(r => r.Simulated),
            Llm: llm)
        {
            Tasks = tasks.Count,
            Duplicates = tasks.Sum(t => t.Duplicates),
            FunctionallyTested = judged.Count(r => r.FunctionalTestsPassed is not null),
            SecureRateInterval = Bootstrap.Interval(tasks, PooledRate(t => t.Secure), options),
            VulnerableRateInterval = Bootstrap.Interval(tasks, PooledRate(t => t.Vulnerable), options),
            AtK = [.. AllMetrics.SelectMany(m => options.Ks.Select(k => AtK(tasks, m, k, options)))],
            Judges = all.GroupBy(r => r.Judge, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            CostUsd = costs.Any(c => c is not null) ? Math.Round(costs.Sum(c => c ?? 0), 6) : null,
            LlmCalls = llm.Calls,
            MeanSessionMs = durations.Count == 0 ? 0 : Math.Round(durations.Average(), 1),
            P95SessionMs = durations.Count == 0 ? 0 : Math.Round(Bootstrap.Quantile(durations, 0.95), 1),
            MeanLlmLatencyMs = calls.Count == 0 ? 0 : Math.Round(calls.Average(c => c.LatencyMs), 1),
        };
    }

    private static AtKMetric AtK(IReadOnlyList<TaskSamples> tasks, AtKMetricKind metric, int k, MetricsOptions options)
    {
        var name = TaskSamples.MetricName(metric, k);
        var withData = metric is AtKMetricKind.PassAtK or AtKMetricKind.FuncSecAtK ? tasks.Where(t => t.Correct is not null).ToList() : [.. tasks];
        if (withData.Count == 0)
        {
            return new AtKMetric(name, k, null, null, 0, 0, tasks.Count == 0 ? "no tasks" : "no functional tests ran");
        }

        var defined = withData.Where(t => t.N >= k).ToList();
        if (defined.Count == 0)
        {
            return new AtKMetric(name, k, null, null, 0, withData.Count, "n<k");
        }

        var value = MeanEstimate(defined, metric, k);
        var interval = Bootstrap.Interval(defined, sample => MeanEstimate(sample, metric, k), options);
        return new AtKMetric(name, k, value, interval, defined.Count, withData.Count - defined.Count, null);
    }

    private static Func<IReadOnlyList<TaskSamples>, double?> PooledRate(Func<TaskSamples, int> count) =>
        sample =>
        {
            var n = sample.Sum(t => t.N);
            return n == 0 ? null : (double)sample.Sum(count) / n;
        };

    private static double Rate(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 6);
}
