namespace SecureGen.Core.Retrieval;

/// <summary>Ranks a corpus of documents against a query and returns the indices of the best, best first.</summary>
public interface IExampleRetriever
{
    string Name { get; }

    Task<IReadOnlyList<(int Index, double Similarity)>> RankAsync(string query, IReadOnlyList<RetrievalDocument> corpus, int count, long seed, CancellationToken cancellationToken);
}
