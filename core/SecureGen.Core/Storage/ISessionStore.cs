using SecureGen.Core.Sessions;

namespace SecureGen.Core.Storage;

/// <summary>Durable record of finished sessions. Saving the same session id twice keeps the first result.</summary>
public interface ISessionStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<SessionResult?> FindAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Stores a result; returns false when the session was already stored (results are idempotent by id).</summary>
    Task<bool> SaveAsync(SessionResult result, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionResult>> ListRunAsync(string runId, CancellationToken cancellationToken);
}
