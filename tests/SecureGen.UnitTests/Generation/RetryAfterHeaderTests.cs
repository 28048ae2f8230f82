using SecureGen.Core.Generation;

namespace SecureGen.UnitTests.Generation;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7000)]
    [InlineData(" 0.5 ", 500)]
    [InlineData("Sat, 21 Nov 2026 09:00:30 GMT", 30000)]
    [InlineData("Sat, 21 Nov 2026 08:59:00 GMT", 0)]
    public void Seconds_and_HTTP_dates_become_a_wait(string header, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfterHeader.Parse(header, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Anything_else_is_no_wait_at_all(string? header)
    {
        Assert.Null(RetryAfterHeader.Parse(header, Now));
    }

    [Fact]
    public void A_wait_is_written_as_whole_seconds_rounded_up()
    {
        Assert.Equal("2", RetryAfterHeader.Format(TimeSpan.FromMilliseconds(1001)));
        Assert.Equal("0", RetryAfterHeader.Format(TimeSpan.Zero));
    }
}
