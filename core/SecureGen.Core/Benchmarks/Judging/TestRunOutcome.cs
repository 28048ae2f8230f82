namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>How one test command ended in the sandbox.</summary>
public enum TestRunOutcome
{
    /// <summary>Exit 0: every selected test passed.</summary>
    Passed,

    /// <summary>The tests ran and at least one failed or errored (the candidate's own crash counts here).</summary>
    Failed,

    /// <summary>Nothing can be concluded: timeout, sandbox failure, no tests collected, missing tool.</summary>
    Inconclusive,
}
