namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>How a sandbox run as a whole ended.</summary>
public enum SandboxRunStatus
{
    /// <summary>The harness ran every test to the end; the per-test outcomes say how each went.</summary>
    Completed,

    /// <summary>The wall-clock limit was reached; tests that had finished keep their outcomes.</summary>
    TimedOut,

    /// <summary>The test process ended before finishing (an exit or crash in the candidate, a limit kill, forged events).</summary>
    Crashed,

    /// <summary>The sandbox itself could not run or did not report (missing tools, harness crash, unreadable report). Says nothing about the candidate.</summary>
    SandboxFailure,
}
