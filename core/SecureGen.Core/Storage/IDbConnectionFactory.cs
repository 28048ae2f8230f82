using System.Data.Common;

namespace SecureGen.Core.Storage;

/// <summary>Opens connections to one SQL database. The store's SQL is shared; only what differs between engines lives here.</summary>
public interface IDbConnectionFactory
{
    /// <summary>"sqlite" or "postgres", for messages and diagnostics.</summary>
    string Engine { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Serialises schema migrations between processes that start at the same moment.</summary>
    Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
