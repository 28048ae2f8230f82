using SecureGen.Core.Generation.Caching;

namespace SecureGen.IntegrationTests.Storage;

public sealed class SqliteResponseCacheTests : ResponseCacheContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-cache-").FullName;

    protected override async Task<SqlResponseCache> CreateCacheAsync()
    {
        var cache = new SqliteResponseCache(Path.Combine(_dir, "cache.db"));
        await cache.InitializeAsync(TestContext.Current.CancellationToken);
        return cache;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
