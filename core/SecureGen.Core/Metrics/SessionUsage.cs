using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>What a session spent: tokens, money and time waiting on the model. The one place each is read from a result.</summary>
public static class SessionUsage
{
    public static long Tokens(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Usage.PromptTokens + result.Usage.CompletionTokens;
    }

    /// <summary>
    /// The dollars the session's LLM calls were charged by the price table; null when no call was
    /// charged (no price configured for the model, or every reply came from the cache), so that
    /// reports show "n/a" rather than a made-up zero.
    /// </summary>
    public static double? CostUsd(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.LlmCalls.Any(c => c.CostUsd > 0) ? result.Usage.CostUsd : null;
    }

    /// <summary>Time the session waited on model calls that were not answered from the cache (calls may overlap).</summary>
    public static double ModelMilliseconds(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.LlmCalls.Where(c => !c.Cached).Sum(c => Math.Max(0, c.LatencyMs));
    }
}
