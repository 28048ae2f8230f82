using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.Grains.Interfaces;

/// <summary>The execution-based judge: runs a task's tests against code in the sandbox. A stateless-worker pool on analyzer silos.</summary>
public interface ITestJudgeGrain : IGrainWithIntegerKey
{
    Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string code);
}
