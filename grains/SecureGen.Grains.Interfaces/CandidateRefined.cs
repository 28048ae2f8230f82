using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>A refinement's outcome, on the session's refined-candidates stream: the candidate, or why the endpoint failed.</summary>
[GenerateSerializer, Immutable]
public sealed record CandidateRefined(
    [property: Id(0)] string RefinementId,
    [property: Id(1)] GeneratedCandidates? Result,
    [property: Id(2)] string? Failure,
    [property: Id(3)] IReadOnlyList<LlmCall> FailedCalls);
