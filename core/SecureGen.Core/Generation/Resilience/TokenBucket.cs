namespace SecureGen.Core.Generation.Resilience;

/// <summary>
/// A token bucket driven by a <see cref="TimeProvider"/> (so tests move time by hand). Callers reserve
/// tokens and are told how long to wait: the balance may go negative, which queues callers fairly in
/// arrival order instead of letting them race for each refill.
/// </summary>
public sealed class TokenBucket
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _last;

    /// <param name="capacity">Largest burst; also the most one reservation can take.</param>
    /// <param name="refillPerSecond">Tokens added per second.</param>
    public TokenBucket(double capacity, double refillPerSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillPerSecond);
        ArgumentNullException.ThrowIfNull(clock);
        Capacity = capacity;
        RefillPerSecond = refillPerSecond;
        _clock = clock;
        _tokens = capacity;
        _last = clock.GetTimestamp();
    }

    /// <summary>A bucket for a per-minute budget, whose burst is the whole minute's budget.</summary>
    public static TokenBucket PerMinute(double perMinute, TimeProvider clock) => new(perMinute, perMinute / 60.0, clock);

    public double Capacity { get; }

    public double RefillPerSecond { get; }

    /// <summary>Tokens available now (negative while callers are queued).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    /// <summary>Takes <paramref name="amount"/> tokens (at most the capacity) and returns how long the caller must wait before using them.</summary>
    public TimeSpan Reserve(double amount)
    {
        lock (_gate)
        {
            Refill();
            _tokens -= Math.Min(Math.Max(amount, 0), Capacity);
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / RefillPerSecond);
        }
    }

    /// <summary>Gives back (positive) or takes more (negative) tokens once the real cost of a reservation is known.</summary>
    public void Adjust(double delta)
    {
        lock (_gate)
        {
            Refill();
            _tokens = Math.Min(Capacity, _tokens + delta);
        }
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_last, now).TotalSeconds;
        _last = now;
        if (elapsed > 0)
        {
            _tokens = Math.Min(Capacity, _tokens + (elapsed * RefillPerSecond));
        }
    }
}
