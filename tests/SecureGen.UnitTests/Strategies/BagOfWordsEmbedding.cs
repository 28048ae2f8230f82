using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;

namespace SecureGen.UnitTests.Strategies;

/// <summary>A deterministic test embedding: counts of a few fixed words, so cosine similarities can be worked out by hand.</summary>
public sealed class BagOfWordsEmbedding : IEmbeddingModel
{
    public static readonly string[] Vocabulary = ["subprocess", "sql", "cursor", "html", "escape", "yaml", "hash", "password", "url", "redirect"];

    public List<IReadOnlyList<string>> Requests { get; } = [];

    public Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        Requests.Add(inputs);
        return Task.FromResult<IReadOnlyList<float[]>>(inputs.Select(Embed).ToList());
    }

    private static float[] Embed(string text)
    {
        var tokens = CodeTokenizer.Tokenize(text);
        return Vocabulary.Select(w => (float)tokens.Count(t => t == w)).ToArray();
    }
}
