using SecureGen.Core.Generation;

namespace SecureGen.Core.Sessions;

/// <summary>One round of sampling (or one refinement): completions from the model, code extracted from each.</summary>
/// <param name="FirstIndex">Index given to the first new candidate, so indices stay unique in a session.</param>
/// <param name="ParentId">For refinements: the candidate being regenerated.</param>
/// <param name="Endpoint">The session's endpoint reference (<see cref="SessionInput.Endpoint"/>); null: the configured endpoints.</param>
public sealed record GenerationRequest(
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
    string? ParentId = null,
    string? Endpoint = null)
{
    /// <summary>The id the first candidate of this request gets; later ones follow by index.</summary>
    public string FirstCandidateId => CandidateIds.For(SessionId, FirstIndex);
}
