namespace SecureGen.Core.Generation.Caching;

/// <summary>One cached sample: the reply text of choice <see cref="SampleIndex"/> of a request, with its accounting.</summary>
/// <param name="PromptTokens">The whole request's prompt tokens (the same for every sample of it).</param>
/// <param name="CompletionTokens">This sample's share of the request's completion tokens.</param>
public sealed record CacheEntry(
    string Key,
    string Endpoint,
    string Model,
    int SampleIndex,
    string Content,
    string? FinishReason,
    string ResponseModel,
    int PromptTokens,
    int CompletionTokens,
    bool Simulated);
