namespace SecureGen.Bench.Analysis;

/// <summary>
/// The files analysed: the built-in benchmark's secure and insecure reference solutions
/// (realistic Flask/subprocess/sqlite/crypto code), joined in a fixed order into files of
/// about 50 lines each, so every file is what one LLM candidate typically is.
/// </summary>
internal static class BenchCorpus
{
    public static IReadOnlyList<string> Build(string tasksDirectory, int targetLines)
    {
        var references = Directory.GetDirectories(tasksDirectory)
            .Order(StringComparer.Ordinal)
            .SelectMany(task => new[] { Path.Combine(task, "secure.py"), Path.Combine(task, "insecure.py") })
            .Where(File.Exists)
            .ToList();
        if (references.Count == 0)
        {
            throw new DirectoryNotFoundException($"no reference solutions under {tasksDirectory}");
        }

        var files = new List<string>();
        var current = new List<string>();
        foreach (var reference in references)
        {
            var lines = File.ReadAllLines(reference);
            // Start a new file rather than overshoot the target by much, once this one is big enough.
            if (current.Count >= targetLines * 3 / 5 && current.Count + lines.Length > targetLines + 12)
            {
                files.Add(string.Join('\n', current) + "\n");
                current.Clear();
            }

            current.AddRange(lines);
            current.Add(string.Empty);
            if (current.Count >= targetLines - 5)
            {
                files.Add(string.Join('\n', current) + "\n");
                current.Clear();
            }
        }

        if (current.Count > targetLines / 2)
        {
            files.Add(string.Join('\n', current) + "\n");
        }

        return files;
    }
}
