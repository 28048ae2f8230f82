using SecureGen.Core.Analysis;

namespace SecureGen.Core.Sessions;

/// <summary>A candidate with its analysis and score: what strategies rank.</summary>
public sealed record EvaluatedCandidate(Candidate Candidate, AnalysisReport Analysis, CandidateScore Score);
