using SecureGen.Core.Analysis;

namespace SecureGen.Contracts;

/// <summary>Event: a candidate got its verdict. For observers (dashboard, progress).</summary>
public sealed record CandidateAnalyzed(string SessionId, string CandidateId, Verdict Verdict, int FindingCount);
