using SecureGen.Core.Storage;

namespace SecureGen.IntegrationTests.Storage;

public sealed class SqliteSessionStoreTests : SessionStoreContract, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-store-").FullName;
    private readonly List<SqliteSessionStore> _stores = [];

    protected override async Task<ISessionStore> CreateStoreAsync()
    {
        var store = new SqliteSessionStore(Path.Combine(_dir, "store.db"));
        _stores.Add(store);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        Directory.Delete(_dir, recursive: true);
    }
}
