namespace SecureGen.Core.Sessions;

/// <summary>Everything a strategy is started with.</summary>
/// <param name="Parameters">Strategy parameters as given by the user (key=value); strategies fall back to their papers' defaults.</param>
/// <param name="StorePrompts">False when the tenant opted out of storing prompts: the trace then keeps only each prompt's SHA-256.</param>
public sealed record SessionInput(
    string RunId,
    string SessionId,
    SessionTask Task,
    string Strategy,
    int SampleIndex,
    long Seed,
    string Model,
    float Temperature,
    int MaxTokens,
    IReadOnlyDictionary<string, string>? Parameters = null,
    bool StorePrompts = true);
