using System.Collections.Concurrent;
using SecureGen.Core.Generation;

namespace SecureGen.Core.Retrieval;

/// <summary>
/// SecCoder's dense retriever: embeddings from the configured endpoint, ranked by cosine
/// similarity. Document embeddings are cached by key, so a growing base embeds each example once.
/// </summary>
public sealed class DenseRetriever(IEmbeddingModel embeddings) : IExampleRetriever
{
    public const string RetrieverName = "dense";

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

    public string Name => RetrieverName;

    public async Task<IReadOnlyList<(int Index, double Similarity)>> RankAsync(string query, IReadOnlyList<RetrievalDocument> corpus, int count, long seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Count == 0)
        {
            return [];
        }

        var missing = corpus.Where(d => !_vectors.ContainsKey(d.Key)).DistinctBy(d => d.Key).ToList();
        var texts = new List<string> { query };
        texts.AddRange(missing.Select(d => d.Text));
        var vectors = await embeddings.EmbedAsync(texts, cancellationToken);
        if (vectors.Count != texts.Count)
        {
            throw new LlmEndpointException($"embedding endpoint returned {vectors.Count} vectors for {texts.Count} inputs");
        }

        for (var i = 0; i < missing.Count; i++)
        {
            _vectors[missing[i].Key] = vectors[i + 1];
        }

        var queryVector = vectors[0];
        return corpus
            .Select((d, i) => (Index: i, Similarity: Cosine(queryVector, _vectors[d.Key])))
            .OrderByDescending(s => s.Similarity)
            .ThenBy(s => s.Index)
            .Take(count)
            .ToList();
    }

    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"vectors differ in length ({a.Count} and {b.Count})", nameof(b));
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / (Math.Sqrt(na) * Math.Sqrt(nb));
    }
}
