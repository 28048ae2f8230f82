using SecureGen.Core.Sessions;

namespace SecureGen.Contracts;

/// <summary>Reply of the ScorerGrain: one score per candidate, in request order.</summary>
public sealed record CandidatesScored(string SessionId, IReadOnlyList<CandidateScore> Scores);
