namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>The values of a result's <c>judge</c> field: what produced its verdict.</summary>
public static class JudgeNames
{
    /// <summary>The analyzers (Bandit, taint): for datasets without tests.</summary>
    public const string Static = "static";

    /// <summary>The task's own security tests, run in the sandbox; functional tests decide correctness.</summary>
    public const string Tests = "tests";

    /// <summary>Nothing judged the session (an infrastructure failure left no code).</summary>
    public const string None = "none";

    /// <summary>Tests where the task has them and a test judge is connected; static analysis otherwise.</summary>
    public static string For(BenchmarkTask task, bool testJudgeAvailable)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.TestSuite is not null && testJudgeAvailable ? Tests : Static;
    }
}
