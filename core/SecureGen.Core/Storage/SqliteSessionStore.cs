namespace SecureGen.Core.Storage;

/// <summary>The embedded store: a SQLite file.</summary>
public sealed class SqliteSessionStore(string databasePath) : SqlSessionStore(new SqliteConnectionFactory(databasePath)), IDisposable
{
    public void Dispose()
    {
        // Pooled SQLite connections keep the file open; clearing them lets tests delete it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
