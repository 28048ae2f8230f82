namespace SecureGen.Core.Sessions;

/// <summary>Accounting of one LLM call made for a session.</summary>
/// <param name="Purpose">What the call was for: sample, refine, explain...</param>
/// <param name="Error">Set when the call finally failed (an infrastructure failure).</param>
/// <param name="CostUsd">Dollars spent by the configured price table; 0 for a cache hit.</param>
/// <param name="Retries">Retries the call needed (or spent before it failed).</param>
/// <param name="Cached">True when every sample came from the response cache (no HTTP call).</param>
/// <param name="Samples">How many completions the call asked for (the API's n).</param>
public sealed record LlmCall(
    string Purpose,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    double LatencyMs,
    bool Simulated,
    string? Error = null,
    double CostUsd = 0,
    int Retries = 0,
    bool Cached = false,
    int Samples = 1);
