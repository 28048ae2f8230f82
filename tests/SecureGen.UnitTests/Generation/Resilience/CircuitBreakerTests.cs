using SecureGen.Core.Generation.Resilience;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Generation.Resilience;

public sealed class CircuitBreakerTests
{
    [Fact]
    public void It_opens_after_the_threshold_of_consecutive_failures_and_fails_fast_until_the_cool_down_ends()
    {
        var clock = new FakeClock();
        var breaker = new CircuitBreaker(3, TimeSpan.FromSeconds(30), clock);

        breaker.OnFailure();
        breaker.OnFailure();
        Assert.Equal(CircuitState.Closed, breaker.State);
        breaker.OnFailure();

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter(out var left));
        Assert.Equal(TimeSpan.FromSeconds(30), left);
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(breaker.TryEnter(out _));
    }

    [Fact]
    public void After_the_cool_down_one_probe_goes_through_and_its_success_closes_the_circuit()
    {
        var clock = new FakeClock();
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(10), clock);
        breaker.OnFailure();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(breaker.TryEnter(out _));
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        Assert.False(breaker.TryEnter(out _));

        breaker.OnSuccess();
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.True(breaker.TryEnter(out _));
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_for_another_cool_down()
    {
        var clock = new FakeClock();
        var breaker = new CircuitBreaker(5, TimeSpan.FromSeconds(10), clock);
        for (var i = 0; i < 5; i++)
        {
            breaker.OnFailure();
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(breaker.TryEnter(out _));
        breaker.OnFailure();

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.False(breaker.TryEnter(out var left));
        Assert.Equal(TimeSpan.FromSeconds(10), left);
    }

    [Fact]
    public void A_success_resets_the_run_of_failures()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(10), new FakeClock());
        breaker.OnFailure();
        breaker.OnSuccess();
        breaker.OnFailure();

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void A_threshold_of_zero_disables_the_breaker()
    {
        var breaker = new CircuitBreaker(0, TimeSpan.FromSeconds(10), new FakeClock());
        for (var i = 0; i < 100; i++)
        {
            breaker.OnFailure();
        }

        Assert.True(breaker.TryEnter(out _));
    }
}
