using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>
/// One prompt session, keyed by its deterministic session id. Start returns as soon as the input is
/// persisted and a reminder is set; the strategy then runs in the activation, and a reminder resumes it on
/// another silo if this one dies. The results store keeps the session idempotent.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Accepts the session and says where it stands. Idempotent: starting a known session changes nothing and
    /// returns its status, with its completion when it has ended (so a resumed run counts it at once).
    /// </summary>
    Task<SessionStatus> StartAsync(SessionInput input);

    Task<SessionStatus> GetStatusAsync();
}
