namespace SecureGen.Core.Storage;

/// <summary>A session that could not be completed after its retries: its message went to the error queue for this reason.</summary>
public sealed record SessionFault(string SessionId, string RunId, string Reason, DateTimeOffset OccurredAt);
