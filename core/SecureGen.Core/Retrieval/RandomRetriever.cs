namespace SecureGen.Core.Retrieval;

/// <summary>SecCoder's random ablation: examples drawn uniformly with the session's seed, so a rerun draws the same.</summary>
public sealed class RandomRetriever : IExampleRetriever
{
    public const string RetrieverName = "random";

    public string Name => RetrieverName;

    public Task<IReadOnlyList<(int Index, double Similarity)>> RankAsync(string query, IReadOnlyList<RetrievalDocument> corpus, int count, long seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var rng = new Random(unchecked((int)(seed ^ (seed >> 32))));
        // Order by key first so the draw does not depend on the order examples were added in.
        var order = Enumerable.Range(0, corpus.Count).OrderBy(i => corpus[i].Key, StringComparer.Ordinal).ToArray();
        rng.Shuffle(order);
        return Task.FromResult<IReadOnlyList<(int Index, double Similarity)>>(order.Take(count).Select(i => (i, 0.0)).ToList());
    }
}
