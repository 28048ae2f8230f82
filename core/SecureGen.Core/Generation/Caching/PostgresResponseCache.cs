using SecureGen.Core.Storage;

namespace SecureGen.Core.Generation.Caching;

/// <summary>The cluster's response cache: the same table in PostgreSQL, shared by every silo.</summary>
public sealed class PostgresResponseCache : SqlResponseCache, IAsyncDisposable, IDisposable
{
    private readonly PostgresConnectionFactory _factory;

    public PostgresResponseCache(string connectionString, TimeProvider? clock = null) : this(new PostgresConnectionFactory(connectionString), clock)
    {
    }

    private PostgresResponseCache(PostgresConnectionFactory factory, TimeProvider? clock) : base(factory, clock) => _factory = factory;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();
}
