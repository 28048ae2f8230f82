namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>
/// Runs a task's tests against a candidate inside the sandbox (issue 3): writes the suite's files and
/// the candidate as <c>{CandidateModule}.py</c> into a private folder, runs
/// <see cref="TaskTestSuite.FunctionalCommand"/> and <see cref="TaskTestSuite.SecurityCommand"/> there
/// with the sandbox's limits, and reports each run's outcome. Generated code never runs outside it.
/// <see cref="TestVerdictPolicy"/> turns the judgement into a verdict.
/// </summary>
public interface ITestJudge
{
    Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string candidateCode, CancellationToken cancellationToken);
}
