namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// Serves a request from the response cache when every one of its samples is there (no HTTP call, no
/// rate-limit budget, no cost); otherwise asks <paramref name="inner"/> for all samples, stores the new ones,
/// and returns the cached text where a sample was already known, so this run sees what a re-run will see.
/// </summary>
/// <param name="endpoint">The endpoint's identity, part of every key: its configured name; for tenants also the tenant (and its own URL), so no tenant is served another's replies (<see cref="Tenancy.TenantChatModels"/>).</param>
public sealed class CachingChatModel(IChatModel inner, IResponseCache cache, string endpoint, TimeProvider? clock = null) : IChatModel
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _clock.GetTimestamp();
        var keys = Enumerable.Range(0, request.Samples).Select(i => CacheKey.For(endpoint, request, i)).ToList();
        var found = await cache.FindAsync(keys, cancellationToken);
        if (found.Count == keys.Count)
        {
            return FromCache(keys.Select(k => found[k]).ToList(), _clock.GetElapsedTime(started).TotalMilliseconds);
        }

        var reply = await inner.CompleteAsync(request, cancellationToken);
        var shares = SplitTokens(reply.CompletionTokens, reply.Choices);
        var fresh = reply.Choices
            .Where(c => c.Index >= 0 && c.Index < keys.Count && !found.ContainsKey(keys[c.Index]))
            .Select(c => new CacheEntry(keys[c.Index], endpoint, request.Model, c.Index, c.Content, c.FinishReason, reply.Model, reply.PromptTokens, shares[c.Index], reply.Simulated))
            .ToList();
        await cache.StoreAsync(fresh, CancellationToken.None);
        if (found.Count == 0)
        {
            return reply;
        }

        var merged = reply.Choices.Select(c => c.Index < keys.Count && found.TryGetValue(keys[c.Index], out var hit) ? new ChatChoice(c.Index, hit.Content, hit.FinishReason) : c).ToList();
        return reply with { Content = merged[0].Content, FinishReason = merged[0].FinishReason, Choices = merged };
    }

    private static ChatReply FromCache(List<CacheEntry> entries, double latencyMs)
    {
        var choices = entries.Select(e => new ChatChoice(e.SampleIndex, e.Content, e.FinishReason)).OrderBy(c => c.Index).ToList();
        var first = entries[0];
        return new ChatReply(
            choices[0].Content,
            first.ResponseModel,
            first.PromptTokens,
            entries.Sum(e => e.CompletionTokens),
            latencyMs,
            entries.Any(e => e.Simulated),
            choices[0].FinishReason)
        {
            Choices = choices,
            Cached = true,
            CostUsd = 0,
            Endpoint = first.Endpoint,
        };
    }

    /// <summary>The API reports completion tokens per request; each sample gets a share proportional to its length, summing to the total.</summary>
    private static Dictionary<int, int> SplitTokens(int total, IReadOnlyList<ChatChoice> choices)
    {
        var shares = new Dictionary<int, int>();
        var length = Math.Max(1, choices.Sum(c => c.Content.Length));
        var given = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            var share = i == choices.Count - 1 ? total - given : (int)Math.Round((double)total * choices[i].Content.Length / length);
            share = Math.Max(0, Math.Min(share, total - given));
            shares[choices[i].Index] = share;
            given += share;
        }

        return shares;
    }
}
