using SecureGen.Core.Scoring;

namespace SecureGen.UnitTests.Scoring;

public sealed class BatchPlannerTests
{
    [Fact]
    public void Long_sequences_are_cut_into_windows_that_cover_every_token_once()
    {
        var windows = BatchPlanner.Split([Enumerable.Range(0, 10).ToArray(), [7, 8]], window: 4);

        Assert.Equal([(0, 0, 4), (0, 4, 4), (0, 8, 2), (1, 0, 2)], windows.Select(w => (w.Code, w.Offset, w.Ids.Length)));
        Assert.Equal(Enumerable.Range(0, 10), windows.Where(w => w.Code == 0).SelectMany(w => w.Ids.ToArray()));
    }

    [Fact]
    public void Buckets_group_similar_lengths_within_the_token_and_row_budgets()
    {
        var random = new Random(7);
        var sequences = Enumerable.Range(0, 200).Select(_ => new int[random.Next(1, 300)]).ToList();
        var windows = BatchPlanner.Split(sequences, 256);

        var buckets = BatchPlanner.Bucket(windows, maxTokens: 4096, maxSequences: 32);

        Assert.Equal(windows.Count, buckets.Sum(b => b.Count));
        Assert.All(buckets, b =>
        {
            Assert.InRange(b.Count, 1, 32);
            Assert.True(b.Count == 1 || b.Count * b.Max(w => w.Ids.Length) <= 4096);
        });
        var realTokens = windows.Sum(w => (long)w.Ids.Length);
        var naivePadding = (long)windows.Count * windows.Max(w => w.Ids.Length);
        Assert.True(BatchPlanner.PaddedTokens(buckets) < realTokens * 1.15, "length bucketing keeps padding under 15%");
        Assert.True(naivePadding > realTokens * 1.5, "one padded batch would waste far more");
    }
}
