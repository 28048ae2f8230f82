namespace SecureGen.Core.Sessions;

/// <summary>Accounting of one LLM call made for a session.</summary>
/// <param name="Purpose">What the call was for: sample, refine, explain...</param>
/// <param name="Error">Set when the call finally failed (an infrastructure failure).</param>
public sealed record LlmCall(
    string Purpose,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    double LatencyMs,
    bool Simulated,
    string? Error = null);
