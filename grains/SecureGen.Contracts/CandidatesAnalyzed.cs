using SecureGen.Core.Analysis;

namespace SecureGen.Contracts;

/// <summary>Reply of an AnalyzerGrain: one report per candidate, in request order.</summary>
public sealed record CandidatesAnalyzed(string SessionId, IReadOnlyList<AnalysisReport> Reports);
