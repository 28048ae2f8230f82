namespace SecureGen.Core.Generation.Resilience;

/// <summary>
/// Opens after a run of consecutive failed attempts, fails calls fast while open, and after a cool-down
/// lets a single probe through (half-open): its success closes the circuit, its failure opens it again.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly int _threshold;
    private readonly TimeSpan _coolDown;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset _openedAt;
    private bool _probeInFlight;

    /// <param name="threshold">Consecutive failures that open the circuit; 0 disables the breaker.</param>
    public CircuitBreaker(int threshold, TimeSpan coolDown, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentNullException.ThrowIfNull(clock);
        _threshold = threshold;
        _coolDown = coolDown;
        _clock = clock;
    }

    public CircuitState State { get; private set; } = CircuitState.Closed;

    /// <summary>True when a call may go out now; false (with the time left) while the circuit is open or a probe is out.</summary>
    public bool TryEnter(out TimeSpan retryIn)
    {
        lock (_gate)
        {
            retryIn = TimeSpan.Zero;
            switch (State)
            {
                case CircuitState.Closed:
                    return true;
                case CircuitState.Open:
                    var open = _clock.GetUtcNow() - _openedAt;
                    if (open < _coolDown)
                    {
                        retryIn = _coolDown - open;
                        return false;
                    }

                    State = CircuitState.HalfOpen;
                    _probeInFlight = true;
                    return true;
                default:
                    if (_probeInFlight)
                    {
                        return false;
                    }

                    _probeInFlight = true;
                    return true;
            }
        }
    }

    /// <summary>The endpoint answered (even with a client error such as 400): it is up.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _probeInFlight = false;
            State = CircuitState.Closed;
        }
    }

    /// <summary>A transient failure (5xx, 429, timeout, connection refused).</summary>
    public void OnFailure()
    {
        lock (_gate)
        {
            _consecutiveFailures++;
            if (_threshold == 0)
            {
                return;
            }

            if (State == CircuitState.HalfOpen || _consecutiveFailures >= _threshold)
            {
                State = CircuitState.Open;
                _openedAt = _clock.GetUtcNow();
                _probeInFlight = false;
            }
        }
    }

    /// <summary>A call that entered but was cancelled by its caller: neither success nor failure.</summary>
    public void OnAbandoned()
    {
        lock (_gate)
        {
            _probeInFlight = false;
        }
    }
}
