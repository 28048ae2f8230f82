namespace SecureGen.Core.Storage;

/// <summary>Picks the store from one setting: a PostgreSQL connection string or URL, else a SQLite file path.</summary>
public static class SessionStores
{
    public static SqlSessionStore Open(string spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(spec);
        return PostgresConnectionString.IsPostgres(spec) ? new PostgresSessionStore(spec) : new SqliteSessionStore(spec);
    }
}
