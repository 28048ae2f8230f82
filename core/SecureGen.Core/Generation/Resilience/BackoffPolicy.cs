namespace SecureGen.Core.Generation.Resilience;

/// <summary>
/// Exponential backoff with "equal jitter" (half fixed, half random, so retries of many callers spread out
/// but never retry at once), and never shorter than what the endpoint asked for in Retry-After.
/// </summary>
public sealed class BackoffPolicy(TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? random = null)
{
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    /// <param name="retry">0 for the first retry.</param>
    public TimeSpan DelayFor(int retry, TimeSpan? retryAfter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds((capped / 2) + (_random() * capped / 2));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }
}
