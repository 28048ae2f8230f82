using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.Contracts;

/// <summary>Reply of a TestJudgeGrain: how the functional and security test runs ended.</summary>
public sealed record CandidateJudged(string SessionId, TestJudgement Judgement);
