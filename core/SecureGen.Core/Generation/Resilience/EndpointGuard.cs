using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureGen.Core.Generation.Resilience;

/// <summary>
/// Everything that stands between callers and one endpoint: the concurrency limit, the requests- and
/// tokens-per-minute buckets, a shared pause after a 429 with Retry-After, retries with backoff, and the
/// circuit breaker. All waiting goes through the <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class EndpointGuard : IDisposable
{
    private readonly LlmEndpointOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _slots;
    private readonly TokenBucket? _requests;
    private readonly TokenBucket? _tokens;
    private readonly BackoffPolicy _backoff;
    private readonly IEndpointBudget? _shared;
    private readonly Lock _pauseGate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <param name="shared">A budget shared with other processes (the cluster's); null keeps the limits to this process.</param>
    public EndpointGuard(LlmEndpointOptions options, TimeProvider? clock = null, ILogger? logger = null, Func<double>? jitter = null, IEndpointBudget? shared = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxConcurrency);
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _requests = options.RequestsPerMinute > 0 ? TokenBucket.PerMinute(options.RequestsPerMinute, _clock) : null;
        _tokens = options.TokensPerMinute > 0 ? TokenBucket.PerMinute(options.TokensPerMinute, _clock) : null;
        _backoff = new BackoffPolicy(options.BackoffBase, options.BackoffMax, jitter);
        _shared = shared;
        Breaker = new CircuitBreaker(options.CircuitBreakerFailures, options.CircuitBreakerCoolDown, _clock);
    }

    public CircuitBreaker Breaker { get; }

    /// <summary>Tokens left in the tokens-per-minute budget (negative while callers queue); null when unlimited.</summary>
    public double? TokensAvailable => _tokens?.Available;

    /// <summary>Calls in flight right now (holding a concurrency slot).</summary>
    public int InFlight => _options.MaxConcurrency - _slots.CurrentCount;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or runs out of retries.
    /// </summary>
    /// <param name="estimatedTokens">Tokens reserved against the TPM budget before the call.</param>
    /// <param name="usedTokens">The real token count of a result; the difference is settled with the bucket.</param>
    /// <exception cref="LlmEndpointException">The call finally failed; <see cref="LlmEndpointException.Retries"/> says how hard we tried.</exception>
    public async Task<GuardedResult<T>> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, int estimatedTokens, Func<T, int> usedTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(usedTokens);
        var retries = 0;
        var reserved = _tokens is null ? 0 : Math.Min(Math.Max(estimatedTokens, 0), (int)_tokens.Capacity);
        while (true)
        {
            if (!Breaker.TryEnter(out var openFor))
            {
                throw new LlmEndpointException($"LLM endpoint {_options.BaseUrl}: circuit breaker open after repeated failures (next probe in {openFor.TotalSeconds:0.#} s)")
                {
                    Retries = retries,
                };
            }

            var delay = TimeSpan.Zero;
            var entered = false;
            IEndpointBudgetLease? lease = null;
            try
            {
                await WaitForBudgetAsync(reserved, cancellationToken);
                await _slots.WaitAsync(cancellationToken);
                entered = true;
                lease = _shared is null ? null : await _shared.AcquireAsync(_options, Math.Max(estimatedTokens, 0), cancellationToken);
                var result = await attempt(cancellationToken);
                Breaker.OnSuccess();
                var used = usedTokens(result);
                _tokens?.Adjust(reserved - used);
                lease?.SetUsedTokens(used);
                return new GuardedResult<T>(result, retries);
            }
            catch (LlmEndpointException e) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed attempt produced no tokens: give its reservation back.
                _tokens?.Adjust(reserved);
                if (!e.IsTransient)
                {
                    Breaker.OnSuccess();
                    throw new LlmEndpointException(e.Message, e) { StatusCode = e.StatusCode, Retries = retries };
                }

                Breaker.OnFailure();
                if (e.RetryAfter is { } asked && asked > _options.MaxRetryAfter)
                {
                    throw new LlmEndpointException($"{e.Message} (asked to wait {asked.TotalSeconds:0} s, more than the {_options.MaxRetryAfter.TotalSeconds:0} s allowed)", e)
                    {
                        StatusCode = e.StatusCode,
                        Retries = retries,
                    };
                }

                if (retries >= _options.MaxRetries)
                {
                    throw new LlmEndpointException($"{e.Message} (gave up after {retries} retries)", e) { StatusCode = e.StatusCode, Retries = retries };
                }

                delay = _backoff.DelayFor(retries, e.RetryAfter);
                if (e.StatusCode == 429 && e.RetryAfter is { } pause)
                {
                    // The endpoint speaks for all our callers: hold every new request, not just this one.
                    PauseUntil(_clock.GetUtcNow() + pause);
                }

                retries++;
                LogRetry(_logger, _options.Name, retries, _options.MaxRetries, delay.TotalMilliseconds, e.Message);
            }
            catch
            {
                Breaker.OnAbandoned();
                throw;
            }
            finally
            {
                if (lease is not null)
                {
                    await lease.DisposeAsync();
                }

                if (entered)
                {
                    _slots.Release();
                }
            }

            // Waiting out the backoff holds no concurrency slot.
            await Task.Delay(delay, _clock, cancellationToken);
        }
    }

    private async Task WaitForBudgetAsync(int reservedTokens, CancellationToken cancellationToken)
    {
        TimeSpan pause;
        lock (_pauseGate)
        {
            pause = _pausedUntil - _clock.GetUtcNow();
        }

        var wait = pause > TimeSpan.Zero ? pause : TimeSpan.Zero;
        var forRequests = _requests?.Reserve(1) ?? TimeSpan.Zero;
        var forTokens = _tokens?.Reserve(reservedTokens) ?? TimeSpan.Zero;
        wait = new[] { wait, forRequests, forTokens }.Max();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, cancellationToken);
        }
    }

    private void PauseUntil(DateTimeOffset until)
    {
        lock (_pauseGate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM endpoint {Endpoint}: retry {Retry}/{MaxRetries} in {DelayMs:0} ms after: {Reason}")]
    private static partial void LogRetry(ILogger logger, string endpoint, int retry, int maxRetries, double delayMs, string reason);
}
