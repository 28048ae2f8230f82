using System.Text.RegularExpressions;

namespace SecureGen.Core.Retrieval;

/// <summary>
/// Tokens for lexical retrieval over code and prose: lower-cased words and identifiers, plus the
/// parts of snake_case and camelCase identifiers, without Python's most common keywords.
/// </summary>
public static partial class CodeTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "def", "return", "import", "from", "self", "if", "else", "elif", "in", "for", "while", "and", "or", "not", "is",
        "none", "true", "false", "the", "a", "an", "of", "to", "as", "with", "pass", "str", "int",
    };

    public static IReadOnlyList<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        foreach (Match match in WordRegex().Matches(text))
        {
            var word = match.Value;
            var lower = word.ToLowerInvariant();
            if (!StopWords.Contains(lower))
            {
                tokens.Add(lower);
            }

            var parts = PartRegex().Matches(word).Select(m => m.Value.ToLowerInvariant()).Where(p => p.Length > 1).ToList();
            if (parts.Count > 1)
            {
                tokens.AddRange(parts.Where(p => !StopWords.Contains(p)));
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*|\d+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")]
    private static partial Regex PartRegex();
}
