using System.Text;
using System.Text.RegularExpressions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// Reads the fix strategies out of a model's answer: numbered items ("1.", "2)", "Strategy 3:",
/// "**1.**", "### 1."), each with its continuation lines; bullets when there are no numbers.
/// Code blocks are skipped, duplicates dropped, at most <c>limit</c> kept.
/// </summary>
public static partial class FixStrategyParser
{
    public static IReadOnlyList<string> Parse(string answer, int limit)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lines = WithoutCodeBlocks(answer);
        var items = Collect(lines, NumberedRegex());
        if (items.Count == 0)
        {
            items = Collect(lines, BulletRegex());
        }

        return items
            .Select(Clean)
            .Where(i => i.Length > 0)
            .DistinctBy(i => i.ToLowerInvariant())
            .Take(limit)
            .ToList();
    }

    private static List<string> WithoutCodeBlocks(string answer)
    {
        var kept = new List<string>();
        var inFence = false;
        foreach (var line in answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                kept.Add(line);
            }
        }

        return kept;
    }

    private static List<string> Collect(List<string> lines, Regex start)
    {
        var items = new List<string>();
        StringBuilder? current = null;
        foreach (var line in lines)
        {
            var match = start.Match(line);
            if (match.Success)
            {
                if (current is not null)
                {
                    items.Add(current.ToString());
                }

                current = new StringBuilder(match.Groups["text"].Value);
            }
            else if (current is not null && line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
            {
                // An indented line continues the current item.
                current.Append(' ').Append(line.Trim());
            }
            else if (current is not null && line.Trim().Length > 0 && !HeadingRegex().IsMatch(line))
            {
                // Unindented prose right after an item still belongs to it, until a blank line.
                current.Append(' ').Append(line.Trim());
            }
            else if (current is not null)
            {
                items.Add(current.ToString());
                current = null;
            }
        }

        if (current is not null)
        {
            items.Add(current.ToString());
        }

        return items;
    }

    private static string Clean(string item) => WhitespaceRegex().Replace(item.Replace("**", string.Empty, StringComparison.Ordinal).Trim(), " ").Trim(' ', ':', '-');

    [GeneratedRegex(@"^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:(?:fix\s+)?strategy\s*)?\(?\d{1,2}\s*[.):\]]\s*(?:\*\*)?\s*(?<text>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"^\s*[-*•]\s+(?<text>\S.*)$")]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^\s*#{1,6}\s")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
