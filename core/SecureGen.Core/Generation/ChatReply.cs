namespace SecureGen.Core.Generation;

/// <summary>The model's answer with the accounting every call is recorded with.</summary>
/// <param name="Content">The first choice's text (the only one when one sample was asked for).</param>
/// <param name="Simulated">True when the endpoint is SecureGen's simulator, a test double, not a model.</param>
public sealed record ChatReply(
    string Content,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    double LatencyMs,
    bool Simulated,
    string? FinishReason = null)
{
    private readonly IReadOnlyList<ChatChoice>? _choices;

    /// <summary>Every sampled completion, in index order; just <see cref="Content"/> when none were set.</summary>
    public IReadOnlyList<ChatChoice> Choices
    {
        get => _choices ?? [new ChatChoice(0, Content, FinishReason)];
        init => _choices = value;
    }

    /// <summary>Dollars this call cost by the configured price table; 0 for a cache hit or an unpriced model.</summary>
    public double CostUsd { get; init; }

    /// <summary>How many times the call was retried before it succeeded.</summary>
    public int Retries { get; init; }

    /// <summary>True when every choice came from the response cache and no HTTP call was made.</summary>
    public bool Cached { get; init; }

    /// <summary>Name of the configured endpoint that answered.</summary>
    public string? Endpoint { get; init; }
}
