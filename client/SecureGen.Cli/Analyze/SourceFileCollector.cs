namespace SecureGen.Cli.Analyze;

/// <summary>Turns the PATH arguments into files: a file as given, a folder as every *.py below it (hidden folders skipped), in a stable order.</summary>
internal static class SourceFileCollector
{
    private static readonly EnumerationOptions PythonFilesBelow = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        MatchCasing = MatchCasing.CaseSensitive,
        // Hidden covers dot-folders (.git, .venv); symlinks are skipped so a link loop cannot recurse forever.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    /// <exception cref="AnalyzeInputException">A path does not exist, or a folder holds no Python file.</exception>
    public static IReadOnlyList<SourceFile> Collect(IReadOnlyList<string> paths, string workingDirectory)
    {
        var files = new List<SourceFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            IEnumerable<string> found;
            if (File.Exists(full))
            {
                found = [full];
            }
            else if (Directory.Exists(full))
            {
                found = Directory.EnumerateFiles(full, "*.py", PythonFilesBelow).Order(StringComparer.Ordinal).ToList();
                if (!found.Any())
                {
                    throw new AnalyzeInputException($"no Python files (*.py) under '{path}'");
                }
            }
            else
            {
                throw new AnalyzeInputException($"path '{path}' does not exist");
            }

            files.AddRange(found.Where(seen.Add).Select(f => new SourceFile(f, DisplayPath(f, workingDirectory))));
        }

        return files;
    }

    private static string DisplayPath(string fullPath, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
