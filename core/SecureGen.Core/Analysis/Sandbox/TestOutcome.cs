namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>What happened to one test. Only <see cref="Passed"/> is a pass.</summary>
public enum TestOutcome
{
    Passed,

    /// <summary>An assertion failed (or an expectedFailure test passed).</summary>
    Failed,

    /// <summary>The test raised something other than an assertion failure, its module failed to import, or the test process died while it ran.</summary>
    Errored,

    /// <summary>Skipped or expected to fail: not evidence either way.</summary>
    Skipped,

    /// <summary>The test was running when the wall-clock or CPU-time limit was reached.</summary>
    TimedOut,

    /// <summary>Collected but never reached, because the run ended early.</summary>
    NotRun,
}
