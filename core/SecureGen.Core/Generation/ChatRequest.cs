namespace SecureGen.Core.Generation;

/// <summary>One chat completion request. Seed makes sampling reproducible on endpoints that honour it.</summary>
public sealed record ChatRequest(
    IReadOnlyList<ChatTurn> Messages,
    string Model,
    float Temperature = 0.8f,
    float? TopP = null,
    int MaxTokens = 1024,
    long? Seed = null,
    IReadOnlyList<string>? Stop = null);
