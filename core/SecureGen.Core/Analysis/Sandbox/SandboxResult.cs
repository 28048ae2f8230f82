namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// The result of one sandbox run: how it ended, one outcome per test, and the candidate's
/// captured (truncated) stdout and stderr. Only <see cref="AllPassed"/> means "passed".
/// </summary>
public sealed record SandboxResult(
    SandboxRunStatus Status,
    IReadOnlyList<SandboxTestResult> Tests,
    TimeSpan Duration,
    string Stdout,
    string Stderr,
    string Message)
{
    /// <summary>True only for a completed run with at least one test where every test passed (a skip is not a pass).</summary>
    public bool AllPassed => Status == SandboxRunStatus.Completed && Tests.Count > 0 && Tests.All(t => t.Outcome == TestOutcome.Passed);

    public int Count(TestOutcome outcome) => Tests.Count(t => t.Outcome == outcome);

    internal static SandboxResult SandboxFailure(string message, TimeSpan duration, string stderr = "") =>
        new(SandboxRunStatus.SandboxFailure, [], duration, string.Empty, stderr, message);
}
