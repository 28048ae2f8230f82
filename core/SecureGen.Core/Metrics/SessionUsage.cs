using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>What a session spent: tokens and money. The one place cost is read from a result.</summary>
public static class SessionUsage
{
    public static long Tokens(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.LlmCalls.Sum(c => (long)c.PromptTokens + c.CompletionTokens);
    }

    /// <summary>
    /// Null: LLM calls do not carry a price yet (the LLM layer, issue 4, adds it to <see cref="LlmCall"/>);
    /// once they do, this sums it. Reports show "n/a" for null rather than a made-up zero.
    /// </summary>
    public static double? CostUsd(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return null;
    }
}
