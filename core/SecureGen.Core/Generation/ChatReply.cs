namespace SecureGen.Core.Generation;

/// <summary>The model's answer with the accounting every call is recorded with.</summary>
/// <param name="Simulated">True when the endpoint is SecureGen's simulator, a test double, not a model.</param>
public sealed record ChatReply(
    string Content,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    double LatencyMs,
    bool Simulated,
    string? FinishReason = null);
