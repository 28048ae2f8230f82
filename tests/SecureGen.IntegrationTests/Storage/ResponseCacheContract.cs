using SecureGen.Core.Generation.Caching;

namespace SecureGen.IntegrationTests.Storage;

/// <summary>What every response cache must do; run against SQLite and PostgreSQL alike.</summary>
public abstract class ResponseCacheContract
{
    protected abstract Task<SqlResponseCache> CreateCacheAsync();

    private static CacheEntry Entry(string key, string content = "```python\nx = 1\n```") =>
        new(key, "simulator", "securegen-simulator", 2, content, "stop", "securegen-simulator", 11, 22, true);

    [Fact]
    public async Task A_stored_reply_is_found_again_with_every_field()
    {
        var cache = await CreateCacheAsync();
        var key = "k-" + Guid.NewGuid().ToString("N");

        await cache.StoreAsync([Entry(key)], TestContext.Current.CancellationToken);
        var found = await cache.FindAsync([key, "missing-" + key], TestContext.Current.CancellationToken);

        Assert.Equal(Entry(key), Assert.Single(found).Value);
        Assert.Equal((1L, 1L), (cache.Hits, cache.Misses));
    }

    [Fact]
    public async Task Storing_a_key_again_keeps_the_first_reply()
    {
        var cache = await CreateCacheAsync();
        var key = "k-" + Guid.NewGuid().ToString("N");

        await cache.StoreAsync([Entry(key, "first")], TestContext.Current.CancellationToken);
        await cache.StoreAsync([Entry(key, "second")], TestContext.Current.CancellationToken);

        Assert.Equal("first", (await cache.FindAsync([key], TestContext.Current.CancellationToken))[key].Content);
    }

    [Fact]
    public async Task Caches_started_together_share_one_table()
    {
        var first = await CreateCacheAsync();
        var second = await CreateCacheAsync();
        var key = "k-" + Guid.NewGuid().ToString("N");

        await first.StoreAsync([Entry(key)], TestContext.Current.CancellationToken);

        Assert.Single(await second.FindAsync([key], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task All_samples_of_one_reply_are_stored_together_and_a_known_one_keeps_its_first_text()
    {
        var cache = await CreateCacheAsync();
        var keys = Enumerable.Range(0, 5).Select(i => $"k{i}-" + Guid.NewGuid().ToString("N")).ToList();
        await cache.StoreAsync([Entry(keys[2], "known")], TestContext.Current.CancellationToken);

        await cache.StoreAsync(keys.Select((k, i) => Entry(k, $"sample {i}")).ToList(), TestContext.Current.CancellationToken);
        var found = await cache.FindAsync(keys, TestContext.Current.CancellationToken);

        Assert.Equal(["sample 0", "sample 1", "known", "sample 3", "sample 4"], keys.Select(k => found[k].Content));
    }
}
