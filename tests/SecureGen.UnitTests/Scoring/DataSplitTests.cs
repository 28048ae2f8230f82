using SecureGen.Core.Scoring.Training;

namespace SecureGen.UnitTests.Scoring;

public sealed class DataSplitTests
{
    [Fact]
    public void A_group_always_lands_in_the_same_split()
    {
        Assert.Equal(DataSplit.Of("sven:github.com/x/y/commit/1"), DataSplit.Of("sven:github.com/x/y/commit/1"));
        Assert.Equal("test", DataSplit.Of("task:sg_cwe089_find_user"));
    }

    [Fact]
    public void Splits_are_about_seventy_fifteen_fifteen()
    {
        var counts = Enumerable.Range(0, 3000).Select(i => DataSplit.Of($"group-{i}")).CountBy(s => s).ToDictionary();

        Assert.InRange(counts[DataSplit.Train], 1950, 2250);
        Assert.InRange(counts[DataSplit.Validation], 330, 570);
        Assert.InRange(counts[DataSplit.Test], 330, 570);
    }
}
