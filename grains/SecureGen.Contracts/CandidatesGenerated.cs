using SecureGen.Core.Sessions;

namespace SecureGen.Contracts;

/// <summary>Reply of a CandidateGrain. InfrastructureFailure is set when the endpoint finally failed.</summary>
public sealed record CandidatesGenerated(
    string SessionId,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<LlmCall> Calls,
    string? InfrastructureFailure);
