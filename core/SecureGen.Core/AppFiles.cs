namespace SecureGen.Core;

/// <summary>
/// Files that travel with the app: copied beside it by the build (worker/, benchmark/), or, during
/// development, in the source tree above the working directory.
/// </summary>
internal static class AppFiles
{
    /// <summary>The path beside the app where it exists, else the first match walking up from the working directory, else null.</summary>
    public static string? Find(string relativePath, bool isDirectory = false)
    {
        bool Exists(string path) => isDirectory ? Directory.Exists(path) : File.Exists(path);

        var beside = Beside(relativePath);
        if (Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Where the build puts the file beside the app.</summary>
    public static string Beside(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);
}
