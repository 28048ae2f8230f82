using SecureGen.Core.Sessions;

namespace SecureGen.Contracts;

/// <summary>Starts one prompt session. Handled by a SessionGrain; idempotent by session id.</summary>
public sealed record StartSession(SessionInput Input);
