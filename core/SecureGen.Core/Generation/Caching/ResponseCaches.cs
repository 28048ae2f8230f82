using SecureGen.Core.Storage;

namespace SecureGen.Core.Generation.Caching;

/// <summary>Picks the cache from the same setting as the store: a PostgreSQL connection string or URL, else a SQLite file.</summary>
public static class ResponseCaches
{
    public static SqlResponseCache Open(string spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(spec);
        return PostgresConnectionString.IsPostgres(spec) ? new PostgresResponseCache(spec) : new SqliteResponseCache(spec);
    }
}
