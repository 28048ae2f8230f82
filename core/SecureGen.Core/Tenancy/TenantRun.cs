namespace SecureGen.Core.Tenancy;

/// <summary>Who owns a run, and whether it still counts against the owner's concurrent runs.</summary>
/// <param name="Kind">"eval" for a submitted evaluation, "chat" for one chat completion's session.</param>
/// <param name="Description">The dataset and strategies, or the chat model, for lists.</param>
public sealed record TenantRun(string RunId, string TenantId, string Kind, int Sessions, string Description, DateTimeOffset SubmittedAt, bool Active, bool Cancelled);
