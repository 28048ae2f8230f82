using SecureGen.Core.Benchmarks;

namespace SecureGen.Contracts;

/// <summary>Request to a TestJudgeGrain: run the task's functional and security tests against a candidate in the sandbox.</summary>
public sealed record JudgeCandidate(string SessionId, TaskTestSuite Suite, string Code);
