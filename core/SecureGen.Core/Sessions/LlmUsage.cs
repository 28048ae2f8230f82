namespace SecureGen.Core.Sessions;

/// <summary>LLM calls summed: per session, per strategy, per run. Cache hits count calls served without an HTTP request.</summary>
public sealed record LlmUsage(
    int Calls,
    long PromptTokens,
    long CompletionTokens,
    double CostUsd,
    int Retries,
    int CacheHits,
    int CacheMisses,
    int FailedCalls)
{
    public static LlmUsage Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static LlmUsage Of(IEnumerable<LlmCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var list = calls as IReadOnlyCollection<LlmCall> ?? calls.ToList();
        return new LlmUsage(
            list.Count,
            list.Sum(c => (long)c.PromptTokens),
            list.Sum(c => (long)c.CompletionTokens),
            Math.Round(list.Sum(c => c.CostUsd), 8),
            list.Sum(c => c.Retries),
            list.Count(c => c.Error is null && c.Cached),
            list.Count(c => c.Error is null && !c.Cached),
            list.Count(c => c.Error is not null));
    }

    public static LlmUsage Of(IEnumerable<SessionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Of(results.SelectMany(r => r.LlmCalls));
    }
}
