using SecureGen.Core.Analysis;

namespace SecureGen.Contracts;

/// <summary>Event: a session's result is stored. AlreadyStored is true when a redelivery found it done.</summary>
public sealed record SessionCompleted(string RunId, string SessionId, string TaskId, string Strategy, Verdict Verdict, bool InfrastructureFailure, bool AlreadyStored);
