namespace SecureGen.Core.Sessions;

/// <summary>The part of a benchmark task a session needs, small enough to travel in a message.</summary>
public sealed record SessionTask(string Id, string Dataset, string Prompt, string? PromptCode, string? EntryPoint, int? Cwe);
