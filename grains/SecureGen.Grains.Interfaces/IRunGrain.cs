namespace SecureGen.Grains.Interfaces;

/// <summary>
/// One evaluation run, keyed by run id: holds the plan, keeps at most a window of sessions in flight across the
/// cluster, counts their ends and publishes progress. A reminder re-checks in-flight sessions, so a run survives
/// the loss of its silo and of any completion message.
/// </summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run (idempotent: a run already submitted keeps its plan, and resumes dispatching).</summary>
    Task SubmitAsync(RunSubmission submission);

    Task<RunStatus> GetStatusAsync();

    /// <summary>Stops dispatching (idempotent): sessions in flight finish and their results are kept; the rest never start.</summary>
    Task<RunStatus> CancelAsync();

    /// <summary>Called by a session grain when its result is stored or it faulted for good.</summary>
    Task SessionFinishedAsync(SessionCompleted completion);
}
