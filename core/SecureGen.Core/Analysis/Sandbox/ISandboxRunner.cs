namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>Runs unit tests against an untrusted candidate module in an isolated sandbox.</summary>
public interface ISandboxRunner
{
    /// <summary>
    /// Runs the job's tests against its candidate (written as solution.py beside the tests).
    /// Never throws for anything the candidate or the sandbox does: those end in the result's
    /// status. Throws <see cref="ArgumentException"/> for a malformed job and
    /// <see cref="OperationCanceledException"/> when cancelled (the sandbox is killed first).
    /// </summary>
    Task<SandboxResult> RunTestsAsync(SandboxJob job, CancellationToken cancellationToken);
}
