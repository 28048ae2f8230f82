namespace SecureGen.Core.Scoring;

/// <summary>Default locations: the repository root, its models/ folder and the shared datasets beside it.</summary>
public static class ScorerPaths
{
    private const string SolutionFile = "SecureGenCluster.sln";

    public static string? FindRepositoryRoot() => FindUpwards(dir => File.Exists(Path.Combine(dir, SolutionFile)));

    /// <summary>The nearest models/ folder that has a 'current' pointer, above the working directory or the app.</summary>
    public static string? FindModelsDirectory()
    {
        var root = FindUpwards(dir => File.Exists(Path.Combine(dir, "models", ModelPointer.FileName)));
        return root is null ? null : Path.Combine(root, "models");
    }

    /// <summary>../shared/datasets relative to the repository root.</summary>
    public static string? DefaultDatasetsRoot()
    {
        var root = FindRepositoryRoot();
        return root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets"));
    }

    private static string? FindUpwards(Func<string, bool> match)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (match(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
