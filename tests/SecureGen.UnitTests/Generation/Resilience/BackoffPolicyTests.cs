using SecureGen.Core.Generation.Resilience;

namespace SecureGen.UnitTests.Generation.Resilience;

public sealed class BackoffPolicyTests
{
    [Theory]
    [InlineData(0.0, new[] { 50.0, 100, 200, 400, 500 })]
    [InlineData(1.0, new[] { 100.0, 200, 400, 800, 1000 })]
    public void Delays_double_each_retry_between_half_and_all_of_the_step_and_stop_at_the_cap(double random, double[] expectedMs)
    {
        var policy = new BackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(1000), () => random);

        var delays = Enumerable.Range(0, 5).Select(i => policy.DelayFor(i, null).TotalMilliseconds).ToArray();

        Assert.Equal(expectedMs, delays);
    }

    [Fact]
    public void A_longer_Retry_After_wins_over_the_backoff()
    {
        var policy = new BackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(7), policy.DelayFor(0, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromMilliseconds(75), policy.DelayFor(0, TimeSpan.FromMilliseconds(10)));
    }
}
