using Orleans.Concurrency;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;

namespace SecureGen.Grains.Analyzers;

/// <summary>Runs a task's tests against code in the sandbox: a stateless-worker pool on analyzer silos, one activation per core.</summary>
[StatelessWorker]
[RequiredRole(SiloRole.Analyzer)]
public sealed class TestJudgeGrain(ITestJudge judge) : Grain, ITestJudgeGrain
{
    public Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string code) => judge.JudgeAsync(suite, code, CancellationToken.None);
}
