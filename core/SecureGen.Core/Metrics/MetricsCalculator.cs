using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>Computes per-strategy rates from session results.</summary>
public static class MetricsCalculator
{
    public static IReadOnlyList<StrategyMetrics> PerStrategy(IEnumerable<SessionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results
            .GroupBy(r => r.Strategy, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(Compute)
            .ToList();
    }

    private static StrategyMetrics Compute(IGrouping<string, SessionResult> group)
    {
        var all = group.ToList();
        var judged = all.Where(r => r.InfrastructureFailure is null).ToList();
        var secure = judged.Count(r => r.Verdict == Verdict.Secure);
        var vulnerable = judged.Count(r => r.Verdict == Verdict.Vulnerable);
        var unknown = judged.Count(r => r.Verdict == Verdict.Unknown);
        return new StrategyMetrics(
            group.Key,
            Sessions: all.Count,
            Judged: judged.Count,
            Secure: secure,
            Vulnerable: vulnerable,
            Unknown: unknown,
            Unparsable: judged.Count(r => r.Unparsable),
            InfrastructureFailures: all.Count - judged.Count,
            SecureRate: Rate(secure, judged.Count),
            VulnerableRate: Rate(vulnerable, judged.Count),
            UnknownRate: Rate(unknown, judged.Count),
            PromptTokens: all.Sum(r => r.LlmCalls.Sum(c => (long)c.PromptTokens)),
            CompletionTokens: all.Sum(r => r.LlmCalls.Sum(c => (long)c.CompletionTokens)),
            Simulated: all.Any(r => r.Simulated),
            Llm: LlmUsage.Of(all));
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 6);
}
