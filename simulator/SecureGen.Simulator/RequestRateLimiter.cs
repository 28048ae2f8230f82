using SecureGen.Core.Generation.Resilience;

namespace SecureGen.Simulator;

/// <summary>The simulator's requests-per-minute limit: a token bucket; a request over budget learns how long until the next token (Retry-After).</summary>
internal sealed class RequestRateLimiter
{
    private readonly TokenBucket? _bucket;
    private readonly Lock _gate = new();

    public RequestRateLimiter(SimulatorOptions options, TimeProvider clock)
    {
        if (options.RequestsPerMinute > 0)
        {
            var burst = options.RateLimitBurst > 0 ? options.RateLimitBurst : options.RequestsPerMinute;
            _bucket = new TokenBucket(burst, options.RequestsPerMinute / 60.0, clock);
        }
    }

    /// <summary>Null when the request may go ahead; otherwise how long until it would.</summary>
    public TimeSpan? TryAcquire()
    {
        if (_bucket is null)
        {
            return null;
        }

        lock (_gate)
        {
            var available = _bucket.Available;
            if (available >= 1)
            {
                _bucket.Reserve(1);
                return null;
            }

            return TimeSpan.FromSeconds((1 - available) / _bucket.RefillPerSecond);
        }
    }
}
