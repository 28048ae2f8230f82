using SecureGen.Core.Generation;

namespace SecureGen.Contracts;

/// <summary>Request to a CandidateGrain: sample completions and extract code from each.</summary>
/// <param name="FirstIndex">Index given to the first new candidate, so indices stay unique in a session.</param>
/// <param name="ParentId">For refinements: the candidate being regenerated.</param>
public sealed record GenerateCandidates(
    string SessionId,
    IReadOnlyList<ChatTurn> Messages,
    int Count,
    string Purpose,
    long Seed,
    string Model,
    float Temperature,
    int MaxTokens,
    string? PromptCode,
    string? EntryPoint,
    int FirstIndex,
    string? ParentId = null);
