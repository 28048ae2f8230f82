namespace SecureGen.Core.Sessions;

/// <summary>Everything a strategy is started with.</summary>
public sealed record SessionInput(
    string RunId,
    string SessionId,
    SessionTask Task,
    string Strategy,
    int SampleIndex,
    long Seed,
    string Model,
    float Temperature,
    int MaxTokens);
