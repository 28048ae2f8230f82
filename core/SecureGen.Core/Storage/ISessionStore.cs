using SecureGen.Core.Sessions;

namespace SecureGen.Core.Storage;

/// <summary>Durable record of finished sessions. Saving the same session id twice keeps the first result.</summary>
public interface ISessionStore
{
    /// <summary>Applies pending schema migrations; safe to call from several processes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<SessionResult?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Stores a result; returns false when the session was already stored (results are idempotent by id).</summary>
    Task<bool> SaveAsync(SessionResult result, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionResult>> ListRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>How many sessions of the run are stored: progress for a client that watches a cluster.</summary>
    Task<int> CountRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Records a session that ended in the error queue, so operators and the client see why.</summary>
    Task RecordFaultAsync(SessionFault fault, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionFault>> ListFaultsAsync(string runId, CancellationToken cancellationToken);
}
