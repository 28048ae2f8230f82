namespace SecureGen.Core.Retrieval;

/// <summary>A secure example and how similar the retriever found it (higher is closer; random gives 0).</summary>
public sealed record RetrievedExample(SecureExample Example, double Similarity);
