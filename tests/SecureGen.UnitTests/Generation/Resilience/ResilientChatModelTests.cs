using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Resilience;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Generation.Resilience;

public sealed class ResilientChatModelTests
{
    private static readonly ChatRequest Request = new([ChatTurn.User("write code")], "model-x", Seed: 42, MaxTokens: 100);

    private readonly FakeClock _clock = new();

    private ResilientChatModel Guarded(IChatModel inner, Action<LlmEndpointOptions>? configure = null, PriceTable? prices = null)
    {
        var options = new LlmEndpointOptions
        {
            Name = "test",
            MaxRetries = 3,
            BackoffBase = TimeSpan.FromSeconds(1),
            BackoffMax = TimeSpan.FromSeconds(8),
            CircuitBreakerFailures = 0,
        };
        configure?.Invoke(options);
        return new ResilientChatModel(inner, options, prices, _clock, jitter: () => 1.0);
    }

    [Fact]
    public async Task Transient_failures_are_retried_after_backoff_and_the_retries_are_counted()
    {
        var inner = new FlakyChatModel(FlakyChatModel.Status(503), FlakyChatModel.Status(502));
        using var model = Guarded(inner);

        var call = model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => inner.Calls == 1 && _clock.PendingTimers == 1, "first attempt failed, backoff pending");
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, inner.Calls);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => inner.Calls == 2 && _clock.PendingTimers == 1, "second attempt failed, longer backoff pending");
        _clock.Advance(TimeSpan.FromSeconds(2));

        var reply = await call;
        Assert.Equal(3, inner.Calls);
        Assert.Equal(2, reply.Retries);
        Assert.Equal(3000, reply.LatencyMs, 3);
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_the_retry_until_that_time_has_passed()
    {
        var inner = new FlakyChatModel(FlakyChatModel.Status(429, TimeSpan.FromSeconds(30)));
        using var model = Guarded(inner);

        var call = model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => inner.Calls == 1 && _clock.PendingTimers == 1, "429 received");
        _clock.Advance(TimeSpan.FromSeconds(29.9));
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(1, inner.Calls);
        Assert.False(call.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        var reply = await call;
        Assert.Equal(2, inner.Calls);
        Assert.Equal(1, reply.Retries);
    }

    [Fact]
    public async Task A_429_pauses_every_caller_of_the_endpoint_not_only_the_one_that_got_it()
    {
        var inner = new FlakyChatModel(FlakyChatModel.Status(429, TimeSpan.FromSeconds(20)));
        using var model = Guarded(inner);
        var first = model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => inner.Calls == 1 && _clock.PendingTimers == 1, "429 received");

        var second = model.CompleteAsync(Request with { Seed = 7 }, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => _clock.PendingTimers == 2, "the new caller waits too");
        Assert.Equal(1, inner.Calls);

        _clock.Advance(TimeSpan.FromSeconds(20));
        await Task.WhenAll(first, second);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var inner = new FlakyChatModel(FlakyChatModel.Status(400));
        using var model = Guarded(inner);

        var error = await Assert.ThrowsAsync<LlmEndpointException>(() => model.CompleteAsync(Request, TestContext.Current.CancellationToken));

        Assert.Equal(1, inner.Calls);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(0, error.Retries);
    }

    [Fact]
    public async Task A_call_that_keeps_failing_gives_up_after_the_configured_retries()
    {
        var inner = new FlakyChatModel(Enumerable.Range(0, 10).Select(_ => (Exception)new LlmEndpointException("timed out") { IsTransient = true }).ToArray());
        using var model = Guarded(inner, o => o.MaxRetries = 2);

        var call = model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var expected = attempt;
            await Eventually.TrueAsync(() => inner.Calls == expected && _clock.PendingTimers == 1, $"attempt {expected} failed");
            _clock.Advance(TimeSpan.FromSeconds(expected)); // backoff 1 s, then 2 s
        }

        var error = await Assert.ThrowsAsync<LlmEndpointException>(() => call);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(2, error.Retries);
        Assert.Contains("gave up after 2 retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_allowed_wait_fails_the_call_instead_of_stalling_the_run()
    {
        var inner = new FlakyChatModel(FlakyChatModel.Status(429, TimeSpan.FromHours(1)));
        using var model = Guarded(inner, o => o.MaxRetryAfter = TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<LlmEndpointException>(() => model.CompleteAsync(Request, TestContext.Current.CancellationToken));

        Assert.Contains("more than the 120 s allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_circuit_fails_calls_fast_without_touching_the_endpoint()
    {
        var inner = new FlakyChatModel(FlakyChatModel.Status(500), FlakyChatModel.Status(500));
        using var model = Guarded(inner, o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerFailures = 2;
            o.CircuitBreakerCoolDown = TimeSpan.FromSeconds(30);
        });
        await Assert.ThrowsAsync<LlmEndpointException>(() => model.CompleteAsync(Request, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<LlmEndpointException>(() => model.CompleteAsync(Request, TestContext.Current.CancellationToken));

        var fast = await Assert.ThrowsAsync<LlmEndpointException>(() => model.CompleteAsync(Request, TestContext.Current.CancellationToken));
        Assert.Contains("circuit breaker open", fast.Message, StringComparison.Ordinal);
        Assert.Equal(2, inner.Calls);

        _clock.Advance(TimeSpan.FromSeconds(30));
        var probe = await model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(CircuitState.Closed, model.Guard.Breaker.State);
        Assert.NotNull(probe);
    }

    [Fact]
    public async Task No_more_calls_than_the_concurrency_limit_are_in_flight()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new FlakyChatModel { Gate = release.Task };
        using var model = Guarded(inner, o => o.MaxConcurrency = 3);

        var calls = Enumerable.Range(0, 10).Select(i => model.CompleteAsync(Request with { Seed = i }, TestContext.Current.CancellationToken)).ToList();
        await Eventually.TrueAsync(() => inner.Calls == 3, "three calls in flight");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(3, inner.Calls);
        Assert.Equal(3, model.Guard.InFlight);

        release.SetResult();
        await Task.WhenAll(calls);
        Assert.Equal(10, inner.Calls);
        Assert.Equal(3, inner.MaxInFlight);
    }

    [Fact]
    public async Task The_requests_per_minute_budget_spaces_calls_once_the_burst_is_spent()
    {
        var inner = new FlakyChatModel();
        using var model = Guarded(inner, o => o.RequestsPerMinute = 2);

        await model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        await model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        var third = model.CompleteAsync(Request, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => _clock.PendingTimers == 1, "third call waits for budget");
        Assert.Equal(2, inner.Calls);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await third;
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task The_tokens_per_minute_budget_holds_a_call_until_its_estimate_fits_and_settles_on_real_usage()
    {
        var inner = new FlakyChatModel();
        using var model = Guarded(inner, o => o.TokensPerMinute = 300);
        var big = Request with { MaxTokens = 500 };

        // First call: nothing seen yet, so it reserves max tokens (capped at the bucket) and settles at 140 used.
        await model.CompleteAsync(big, TestContext.Current.CancellationToken);
        Assert.Equal(160, model.Guard.TokensAvailable!.Value, 6);

        // Later estimates follow real replies (40 completion tokens), and each call settles its real 140.
        await model.CompleteAsync(big, TestContext.Current.CancellationToken);
        Assert.Equal(20, model.Guard.TokensAvailable!.Value, 6);

        var third = model.CompleteAsync(big, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => _clock.PendingTimers == 1, "third call waits for token budget");
        Assert.Equal(2, inner.Calls);
        _clock.Advance(TimeSpan.FromSeconds(7.2));
        await third;
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task An_endpoint_that_ignores_n_gets_one_request_per_missing_sample_with_seed_plus_index()
    {
        var inner = new FlakyChatModel { ChoicesReturned = 1 };
        using var model = Guarded(inner);

        var reply = await model.CompleteAsync(Request with { Samples = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal([0, 1, 2], reply.Choices.Select(c => c.Index));
        Assert.Equal(["answer seed=42 i=0", "answer seed=43 i=0", "answer seed=44 i=0"], reply.Choices.Select(c => c.Content));
        Assert.Equal(3, inner.Calls);

        // From now on it asks one sample at a time without trying n first.
        await model.CompleteAsync(Request with { Samples = 2 }, TestContext.Current.CancellationToken);
        Assert.Equal(5, inner.Calls);
        Assert.All(inner.Requests.Skip(3), r => Assert.Equal(1, r.Samples));
    }

    [Fact]
    public async Task Cost_comes_from_the_price_table()
    {
        var prices = new PriceTable(new Dictionary<string, ModelPrice> { ["model"] = new(2.0, 8.0) });
        using var model = Guarded(new FlakyChatModel(), prices: prices);

        var reply = await model.CompleteAsync(Request with { Samples = 2 }, TestContext.Current.CancellationToken);

        // 100 prompt tokens at $2/M + 80 completion tokens at $8/M; "model" prices "model-x" by prefix.
        Assert.Equal((100 * 2.0 + 80 * 8.0) / 1_000_000, reply.CostUsd, 12);
        Assert.Equal("test", reply.Endpoint);
    }
}
