namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>What the sandbox reported for a candidate's functional and security test runs.</summary>
/// <param name="Detail">A short excerpt of the test output, for the result's reasons.</param>
public sealed record TestJudgement(TestRunOutcome Functional, TestRunOutcome Security, string Detail);
