namespace SecureGen.Core.Sessions;

/// <summary>How each planned session samples: what `eval` flags and the runs API's body both set.</summary>
public sealed record RunPlanOptions(
    IReadOnlyList<string> Strategies,
    int Samples,
    long Seed,
    float Temperature,
    int MaxTokens,
    IReadOnlyDictionary<string, string>? Parameters = null,
    bool StorePrompts = true);
