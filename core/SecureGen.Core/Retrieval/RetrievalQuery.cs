namespace SecureGen.Core.Retrieval;

/// <summary>What a strategy asks the secure code base for.</summary>
/// <param name="Text">The text to match (usually the task prompt).</param>
/// <param name="Retriever">dense, bm25 or random.</param>
/// <param name="MatchOn">What of each example is compared with the text: code, prompt or both.</param>
/// <param name="PreferCwe">When set and some examples have this CWE, only those are considered.</param>
/// <param name="ReferencesOnly">Only the datasets' own secure references, not fixed candidates.</param>
public sealed record RetrievalQuery(
    string Text,
    string Retriever,
    int Count = 1,
    long Seed = 0,
    string MatchOn = "code",
    int? PreferCwe = null,
    bool ReferencesOnly = false);
