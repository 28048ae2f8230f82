using System.Collections.Concurrent;

namespace SecureGen.Core.Retrieval;

/// <summary>
/// Okapi BM25 over <see cref="CodeTokenizer"/> tokens, with the non-negative idf
/// ln(1 + (N - df + 0.5) / (df + 0.5)). Documents' token counts are cached by key.
/// </summary>
public sealed class Bm25Retriever(double k1 = 1.2, double b = 0.75) : IExampleRetriever
{
    public const string RetrieverName = "bm25";

    private readonly ConcurrentDictionary<string, Dictionary<string, int>> _termCounts = new(StringComparer.Ordinal);

    public string Name => RetrieverName;

    public Task<IReadOnlyList<(int Index, double Similarity)>> RankAsync(string query, IReadOnlyList<RetrievalDocument> corpus, int count, long seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Task.FromResult(Rank(query, corpus, count));
    }

    public IReadOnlyList<(int Index, double Similarity)> Rank(string query, IReadOnlyList<RetrievalDocument> corpus, int count)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Count == 0)
        {
            return [];
        }

        var docs = corpus.Select(d => _termCounts.GetOrAdd(d.Key, _ => Count(d.Text))).ToList();
        var lengths = docs.Select(d => d.Values.Sum()).ToList();
        var averageLength = Math.Max(1e-9, lengths.Average());
        var queryTerms = CodeTokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).ToList();
        var idf = queryTerms.ToDictionary(t => t, t =>
        {
            var df = docs.Count(d => d.ContainsKey(t));
            return Math.Log(1 + ((corpus.Count - df + 0.5) / (df + 0.5)));
        }, StringComparer.Ordinal);

        var scored = new List<(int Index, double Similarity)>(docs.Count);
        for (var i = 0; i < docs.Count; i++)
        {
            var score = 0.0;
            foreach (var term in queryTerms)
            {
                if (docs[i].TryGetValue(term, out var tf))
                {
                    score += idf[term] * tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * lengths[i] / averageLength))));
                }
            }

            scored.Add((i, score));
        }

        // Ties keep corpus order, so the ranking is deterministic.
        return scored.OrderByDescending(s => s.Similarity).ThenBy(s => s.Index).Take(count).ToList();
    }

    private static Dictionary<string, int> Count(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in CodeTokenizer.Tokenize(text))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }

        return counts;
    }
}
