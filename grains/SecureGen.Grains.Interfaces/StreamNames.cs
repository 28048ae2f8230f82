namespace SecureGen.Grains.Interfaces;

/// <summary>The stream provider and the namespaces the grains publish on; stream keys are given beside each.</summary>
public static class StreamNames
{
    public const string Provider = "securegen";

    /// <summary>Feedback for a candidate (key: the candidate id); candidate grains subscribe implicitly.</summary>
    public const string RefinementFeedback = "refinement-feedback";

    /// <summary>Refined candidates for a session (key: the session id); session grains subscribe implicitly.</summary>
    public const string RefinedCandidates = "refined-candidates";

    /// <summary>Sessions of a run as they end (key: the run id); the CLI's progress subscribes.</summary>
    public const string SessionCompleted = "session-completed";

    /// <summary>A run's status after each change (key: the run id); the CLI's progress line and the operators' view subscribe.</summary>
    public const string RunProgress = "run-progress";
}
