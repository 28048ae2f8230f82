namespace SecureGen.Core.Scoring.Training;

/// <summary>
/// Unlabeled Python source for word2vec: by default the interpreter's standard library under
/// /usr/lib/python3.X (newest first), then /usr/lib/python3/dist-packages, test folders skipped,
/// files in path order, until a token budget is spent.
/// </summary>
public static class PythonCorpus
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "test", "tests", "idle_test", "__pycache__", "lib2to3", "site-packages",
    };

    public static IReadOnlyList<string> DefaultDirectories()
    {
        const string Lib = "/usr/lib";
        if (!Directory.Exists(Lib))
        {
            return [];
        }

        var stdlib = Directory.GetDirectories(Lib, "python3.*")
            .Where(d => File.Exists(Path.Combine(d, "os.py")))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d)["python".Length..], out var v) ? v : new Version(0, 0));
        var distPackages = Path.Combine(Lib, "python3", "dist-packages");
        return [.. stdlib, .. Directory.Exists(distPackages) ? [distPackages] : Array.Empty<string>()];
    }

    /// <summary>Tokenized files, in order, until <paramref name="maxTokens"/> tokens have been produced.</summary>
    public static IEnumerable<(string Path, IReadOnlyList<CodeToken> Tokens)> Tokenize(IEnumerable<string> directories, long maxTokens)
    {
        ArgumentNullException.ThrowIfNull(directories);
        long total = 0;
        foreach (var dir in directories)
        {
            if (!Directory.Exists(dir))
            {
                throw new DirectoryNotFoundException($"corpus folder '{dir}' does not exist");
            }

            foreach (var file in PythonFiles(dir))
            {
                if (total >= maxTokens)
                {
                    yield break;
                }

                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                var tokens = PythonTokenizer.Tokenize(text);
                total += tokens.Count;
                yield return (file, tokens);
            }
        }
    }

    private static IEnumerable<string> PythonFiles(string dir)
    {
        foreach (var file in Directory.GetFiles(dir, "*.py").Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub)) || new DirectoryInfo(sub).LinkTarget is not null)
            {
                continue;
            }

            foreach (var file in PythonFiles(sub))
            {
                yield return file;
            }
        }
    }
}
