using SecureGen.Core.Storage;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Storage;

public sealed class PostgresSessionStoreTests(PostgresServer server) : SessionStoreContract, IClassFixture<PostgresServer>, IAsyncDisposable
{
    private readonly List<PostgresSessionStore> _stores = [];

    protected override async Task<ISessionStore> CreateStoreAsync()
    {
        server.RequireRunning();
        var store = new PostgresSessionStore(server.Postgres);
        _stores.Add(store);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    [Fact]
    public async Task A_postgres_url_works_as_well_as_a_connection_string()
    {
        server.RequireRunning();
        var port = server.Postgres.Split(';').First(p => p.StartsWith("Port=", StringComparison.Ordinal))["Port=".Length..];
        await using var store = new PostgresSessionStore($"postgres://postgres@127.0.0.1:{port}/postgres");

        await store.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await store.CountRunAsync("none", TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }
}
