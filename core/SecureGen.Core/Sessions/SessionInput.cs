namespace SecureGen.Core.Sessions;

/// <summary>Everything a strategy is started with.</summary>
/// <param name="Parameters">Strategy parameters as given by the user (key=value); strategies fall back to their papers' defaults.</param>
/// <param name="StorePrompts">False when the tenant opted out of storing prompts: the trace then keeps only each prompt's SHA-256.</param>
/// <param name="Endpoint">
/// Which LLM endpoint the session's calls go to, as a reference resolved where each call is made (a tenant's: "tenant:ID",
/// see <see cref="Generation.IChatEndpointResolver"/>); null: the cluster's configured endpoints. Never a URL or a key.
/// </param>
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
    bool StorePrompts = true,
    string? Endpoint = null);
