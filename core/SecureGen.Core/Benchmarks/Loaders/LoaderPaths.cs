namespace SecureGen.Core.Benchmarks.Loaders;

/// <summary>Resolves the path a user gave a loader: the file itself, or a folder holding it.</summary>
internal static class LoaderPaths
{
    public static string Require(string? path, string dataset)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DatasetFormatException($"dataset '{dataset}': no local path given and it was not downloaded");
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new DatasetFormatException(path, null, "no such file or folder");
        }

        return path;
    }

    /// <summary>The path when it is a file; otherwise the first of the candidate names found under it.</summary>
    public static string FileIn(string path, params string[] candidates)
    {
        if (File.Exists(path))
        {
            return path;
        }

        foreach (var candidate in candidates)
        {
            var full = Path.Combine(path, candidate);
            if (File.Exists(full))
            {
                return full;
            }
        }

        throw new DatasetFormatException(path, null, $"expected {string.Join(" or ", candidates)} in this folder");
    }

    public static string TaskId(string raw) => raw.EndsWith(".py", StringComparison.OrdinalIgnoreCase) ? raw[..^3] : raw;
}
