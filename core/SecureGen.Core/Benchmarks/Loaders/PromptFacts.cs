using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>Facts loaders read off ids and prompt code: the CWE number, the function a prompt asks for.</summary>
internal static partial class PromptFacts
{
    /// <summary>The CWE in ids like "CWE-020_author_1.py", "cwe_078_0", "A_cwe502_0" or "CWE-78"; null when none.</summary>
    public static int? Cwe(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = CwePattern().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The last top-level or nested function defined in the prompt: the one the docstring describes.</summary>
    public static string? EntryPoint(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var matches = DefPattern().Matches(code);
        return matches.Count == 0 ? null : matches[^1].Groups[1].Value;
    }

    [GeneratedRegex(@"cwe[-_]?0*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex CwePattern();

    [GeneratedRegex(@"^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(", RegexOptions.Multiline)]
    private static partial Regex DefPattern();
}
