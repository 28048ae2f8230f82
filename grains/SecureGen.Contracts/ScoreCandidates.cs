namespace SecureGen.Contracts;

/// <summary>Request to the ScorerGrain, which batches these across sessions.</summary>
public sealed record ScoreCandidates(string SessionId, IReadOnlyList<CandidateCode> Candidates);
