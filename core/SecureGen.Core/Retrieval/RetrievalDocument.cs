namespace SecureGen.Core.Retrieval;

/// <summary>A document to rank: a stable key (for caching its embedding or tokens) and its text.</summary>
public sealed record RetrievalDocument(string Key, string Text);
