namespace SecureGen.Contracts;

/// <summary>Request to an AnalyzerGrain: run the static analyzers on each candidate.</summary>
public sealed record AnalyzeCandidates(string SessionId, IReadOnlyList<CandidateCode> Candidates);
