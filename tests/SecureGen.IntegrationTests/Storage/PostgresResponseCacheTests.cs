using SecureGen.Core.Generation.Caching;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Storage;

public sealed class PostgresResponseCacheTests(PostgresServer server) : ResponseCacheContract, IClassFixture<PostgresServer>, IAsyncDisposable
{
    private readonly List<PostgresResponseCache> _caches = [];

    protected override async Task<SqlResponseCache> CreateCacheAsync()
    {
        server.RequireRunning();
        var cache = new PostgresResponseCache(server.Postgres);
        _caches.Add(cache);
        await cache.InitializeAsync(TestContext.Current.CancellationToken);
        return cache;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cache in _caches)
        {
            await cache.DisposeAsync();
        }
    }
}
