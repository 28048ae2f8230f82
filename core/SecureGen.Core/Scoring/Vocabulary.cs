using System.Text.Json;
using SecureGen.Core.Reporting;

namespace SecureGen.Core.Scoring;

/// <summary>
/// Token text to model input id. Ids 0..6 are <see cref="SpecialTokens"/>; then tokens by descending
/// frequency. A token the vocabulary lacks maps to its class (<see cref="CodeToken.Fallback"/>:
/// &lt;str&gt;, &lt;sql&gt;, &lt;num&gt;) or else to &lt;unk&gt;.
/// </summary>
public sealed class Vocabulary
{
    public const string FileFormat = "securegen-vocab-1";

    private readonly Dictionary<string, int> _ids;

    private Vocabulary(IReadOnlyList<string> tokens, string tokenizerVersion)
    {
        Tokens = tokens;
        TokenizerVersion = tokenizerVersion;
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_ids.TryAdd(tokens[i], i))
            {
                throw new InvalidDataException($"vocabulary lists '{tokens[i]}' twice (ids {_ids[tokens[i]]} and {i})");
            }
        }
    }

    public IReadOnlyList<string> Tokens { get; }

    public string TokenizerVersion { get; }

    public int Count => Tokens.Count;

    public int Id(CodeToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_ids.TryGetValue(token.Text, out var id) || _ids.TryGetValue(token.Fallback, out id))
        {
            return id;
        }

        return SpecialTokens.UnknownId;
    }

    public int[] Ids(IReadOnlyList<CodeToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new int[tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = Id(tokens[i]);
        }

        return ids;
    }

    /// <summary>Specials, then every token seen at least <paramref name="minCount"/> times, most frequent first, up to <paramref name="maxSize"/> entries.</summary>
    public static Vocabulary Build(IEnumerable<IReadOnlyList<CodeToken>> sequences, int minCount, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sequence in sequences)
        {
            foreach (var token in sequence)
            {
                counts[token.Text] = counts.GetValueOrDefault(token.Text) + 1;
            }
        }

        var specials = SpecialTokens.All;
        var kept = counts
            .Where(kv => kv.Value >= minCount && !specials.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, maxSize - specials.Count))
            .Select(kv => kv.Key);
        return new Vocabulary([.. specials, .. kept], PythonTokenizer.Version);
    }

    public static Vocabulary Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"vocabulary not found at '{path}'", path);
        }

        VocabularyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<VocabularyFile>(File.ReadAllText(path), ResultJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"vocabulary '{path}' is not valid JSON: {e.Message}", e);
        }

        if (file is null || file.Format != FileFormat || file.Tokens is null)
        {
            throw new InvalidDataException($"vocabulary '{path}' is not a {FileFormat} file");
        }

        if (file.Tokenizer != PythonTokenizer.Version)
        {
            throw new InvalidDataException($"vocabulary '{path}' was built with tokenizer '{file.Tokenizer}', this build has '{PythonTokenizer.Version}'");
        }

        for (var i = 0; i < SpecialTokens.All.Count; i++)
        {
            if (file.Tokens.Count <= i || file.Tokens[i] != SpecialTokens.All[i])
            {
                throw new InvalidDataException($"vocabulary '{path}' does not start with the special tokens {string.Join(" ", SpecialTokens.All)}");
            }
        }

        return new Vocabulary(file.Tokens, file.Tokenizer);
    }

    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new VocabularyFile(FileFormat, TokenizerVersion, Tokens.Count, Tokens);
        File.WriteAllText(path, JsonSerializer.Serialize(file, ResultJson.Options));
    }
}
