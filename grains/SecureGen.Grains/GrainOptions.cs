namespace SecureGen.Grains;

/// <summary>How the grains pace, batch and retry. Bound once, in the host's composition root.</summary>
public sealed class GrainOptions
{
    public const string Section = "SecureGen:Grains";

    /// <summary>Attempts a session gets before it becomes a fault record (a silo that died mid-session counts as one).</summary>
    public int SessionAttempts { get; set; } = 3;

    /// <summary>Pause between a failed attempt and the next one.</summary>
    public TimeSpan SessionRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often a running session's reminder fires: how soon a session whose silo died resumes elsewhere.</summary>
    public TimeSpan SessionReminderPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a run re-checks its in-flight sessions (lost completions, a run grain that moved).</summary>
    public TimeSpan RunReminderPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a session waits for a refined candidate on its stream before asking the candidate grain directly.</summary>
    public TimeSpan RefinementEventTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Scorer grain activations; sessions spread over them by session id.</summary>
    public int ScorerGrains { get; set; } = 2;

    /// <summary>How long a budget lease holds a slot if its silo never gives it back.</summary>
    public TimeSpan BudgetLeaseTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Longest one call waits in the budget grain's line while the endpoint is at its concurrency (well under Orleans'
    /// 30 s response timeout); the caller then asks again, which also lets leases of a dead silo expire.
    /// </summary>
    public TimeSpan BudgetWaitInLine { get; set; } = TimeSpan.FromSeconds(5);
}
