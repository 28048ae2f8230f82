using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>What a session spent: tokens and money. The one place cost is read from a result.</summary>
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
}
