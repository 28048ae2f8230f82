using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SecureGen.Core.Storage;

/// <summary>SQLite file in WAL mode: the embedded store.</summary>
public sealed class SqliteConnectionFactory : IDbConnectionFactory
{
    private readonly string _connectionString;
    private volatile bool _walEnabled;

    public SqliteConnectionFactory(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        SQLitePCL.Batteries_V2.Init();
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Engine => "sqlite";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();

        // WAL is a property of the database file: set once; the other two hold per connection.
        pragma.CommandText = (_walEnabled ? string.Empty : "PRAGMA journal_mode=WAL; ") + "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        _walEnabled = true;
        return connection;
    }

    public Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask; // SQLite's write lock already serialises the migration transaction.
}
