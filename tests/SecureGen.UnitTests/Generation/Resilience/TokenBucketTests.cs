using SecureGen.Core.Generation.Resilience;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Generation.Resilience;

public sealed class TokenBucketTests
{
    [Fact]
    public void A_full_bucket_lets_its_burst_through_then_queues_callers_at_the_refill_rate()
    {
        var clock = new FakeClock();
        var bucket = new TokenBucket(capacity: 3, refillPerSecond: 1, clock);

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], [bucket.Reserve(1), bucket.Reserve(1), bucket.Reserve(1)]);
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(1));
        Assert.Equal(TimeSpan.FromSeconds(2), bucket.Reserve(1));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(1));
    }

    [Fact]
    public void Refill_never_exceeds_the_capacity()
    {
        var clock = new FakeClock();
        var bucket = TokenBucket.PerMinute(60, clock);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(60, bucket.Available, 6);
    }

    [Fact]
    public void Settling_a_reservation_gives_back_what_was_not_used()
    {
        var clock = new FakeClock();
        var bucket = new TokenBucket(1000, 10, clock);

        bucket.Reserve(900);
        bucket.Adjust(900 - 300);

        Assert.Equal(700, bucket.Available, 6);
    }

    [Fact]
    public void A_reservation_larger_than_the_capacity_takes_the_whole_bucket_instead_of_waiting_forever()
    {
        var clock = new FakeClock();
        var bucket = new TokenBucket(100, 10, clock);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(5000));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(10));
    }
}
