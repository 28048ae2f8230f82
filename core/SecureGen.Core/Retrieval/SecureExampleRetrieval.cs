using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Retrieval;

/// <summary>
/// Retrieves secure demonstrations for a task from the secure code base. The task under
/// evaluation is always left out, whichever retriever is used: by id, and by identical prompt
/// text (the same task loaded under another id or dataset).
/// </summary>
public sealed class SecureExampleRetrieval
{
    public static readonly IReadOnlyList<string> RetrieverNames = [DenseRetriever.RetrieverName, Bm25Retriever.RetrieverName, RandomRetriever.RetrieverName];

    private readonly Dictionary<string, IExampleRetriever> _retrievers = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="embeddings">Needed only by the dense retriever; without it, asking for dense fails with a clear message.</param>
    public SecureExampleRetrieval(ISecureCodeBase codeBase, IEmbeddingModel? embeddings = null)
    {
        CodeBase = codeBase;
        _retrievers[Bm25Retriever.RetrieverName] = new Bm25Retriever();
        _retrievers[RandomRetriever.RetrieverName] = new RandomRetriever();
        if (embeddings is not null)
        {
            _retrievers[DenseRetriever.RetrieverName] = new DenseRetriever(embeddings);
        }
    }

    public ISecureCodeBase CodeBase { get; }

    public async Task<IReadOnlyList<RetrievedExample>> RetrieveAsync(RetrievalQuery query, SessionTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(task);
        var ownPrompt = task.Prompt.Trim();
        if (!_retrievers.TryGetValue(query.Retriever, out var retriever))
        {
            throw query.Retriever.Equals(DenseRetriever.RetrieverName, StringComparison.OrdinalIgnoreCase)
                ? new InvalidOperationException("the dense retriever needs an embedding endpoint, and none is configured")
                : new ArgumentException($"unknown retriever '{query.Retriever}' (known: {string.Join(", ", RetrieverNames)})", nameof(query));
        }

        var all = await CodeBase.ListAsync(cancellationToken);
        var corpus = all
            .Where(e => !string.Equals(e.TaskId, task.Id, StringComparison.Ordinal) && !string.Equals(e.Prompt.Trim(), ownPrompt, StringComparison.Ordinal))
            .Where(e => !query.ReferencesOnly || e.Source == SecureExample.ReferenceSource)
            .ToList();
        if (query.PreferCwe is { } cwe && corpus.Any(e => e.Cwe == cwe))
        {
            corpus = corpus.Where(e => e.Cwe == cwe).ToList();
        }

        var documents = corpus.Select(e => new RetrievalDocument($"{e.Id}|{query.MatchOn}", TextOf(e, query.MatchOn))).ToList();
        var ranked = await retriever.RankAsync(query.Text, documents, Math.Max(0, query.Count), query.Seed, cancellationToken);
        return ranked.Select(r => new RetrievedExample(corpus[r.Index], r.Similarity)).ToList();
    }

    private static string TextOf(SecureExample e, string matchOn) => matchOn.ToLowerInvariant() switch
    {
        "prompt" => e.Prompt,
        "both" => e.Prompt + "\n" + e.Code,
        _ => e.Code,
    };
}
