namespace SecureGen.Core.Storage;

/// <summary>The cluster store: PostgreSQL, same schema and statements as the embedded SQLite store.</summary>
public sealed class PostgresSessionStore : SqlSessionStore, IAsyncDisposable, IDisposable
{
    private readonly PostgresConnectionFactory _factory;

    public PostgresSessionStore(string connectionString) : this(new PostgresConnectionFactory(connectionString))
    {
    }

    private PostgresSessionStore(PostgresConnectionFactory factory) : base(factory) => _factory = factory;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    public void Dispose() => _factory.Dispose();
}
