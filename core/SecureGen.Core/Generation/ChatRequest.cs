namespace SecureGen.Core.Generation;

/// <summary>One chat completion request. Seed makes sampling reproducible on endpoints that honour it.</summary>
/// <param name="Samples">How many completions to sample (the API's <c>n</c>); choice i is reproducible from (seed, i).</param>
public sealed record ChatRequest(
    IReadOnlyList<ChatTurn> Messages,
    string Model,
    float Temperature = 0.8f,
    float? TopP = null,
    int MaxTokens = 1024,
    long? Seed = null,
    IReadOnlyList<string>? Stop = null,
    int Samples = 1)
{
    /// <summary>This request for one sample, with the seed derived for sample <paramref name="index"/> (seed + index).</summary>
    public ChatRequest ForSingleSample(int index) => this with { Samples = 1, Seed = Seed + index };
}
