namespace SecureGen.Core.Metrics;

/// <summary>
/// The form in which two final codes count as duplicates: line endings unified, trailing spaces,
/// blank lines and whole-line comments dropped. Meaningful differences (names, literals) stay.
/// </summary>
public static class CodeNormalizer
{
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => l.Length > 0 && !l.TrimStart().StartsWith('#'));
        return string.Join('\n', lines);
    }
}
