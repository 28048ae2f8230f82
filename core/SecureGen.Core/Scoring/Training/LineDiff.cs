namespace SecureGen.Core.Scoring.Training;

/// <summary>Which lines of a vulnerable version its fix removed or changed: a longest-common-subsequence line diff.</summary>
public static class LineDiff
{
    /// <summary>
    /// 1-based numbers of the non-blank lines of <paramref name="before"/> that have no counterpart in
    /// <paramref name="after"/>. Lines compare with surrounding whitespace ignored, so re-indentation alone
    /// is not a change.
    /// </summary>
    public static IReadOnlySet<int> RemovedLines(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = SplitLines(before);
        var b = SplitLines(after);
        var n = a.Length;
        var m = b.Length;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var removed = new HashSet<int>();
        int x = 0, y = 0;
        while (x < n)
        {
            if (y < m && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < m && lcs[x, y + 1] >= lcs[x + 1, y])
            {
                y++;
            }
            else
            {
                if (a[x].Length > 0)
                {
                    removed.Add(x + 1);
                }

                x++;
            }
        }

        return removed;
    }

    public static string[] SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).ToArray();
    }
}
