namespace SecureGen.Tests.Shared;

/// <summary>
/// Compares output with a snapshot file checked into this project. To accept new output, run the
/// tests with SECUREGEN_UPDATE_SNAPSHOTS=1 (the files are rewritten), then review the git diff.
/// </summary>
public static class Snapshot
{
    public const string UpdateVariable = "SECUREGEN_UPDATE_SNAPSHOTS";

    // This file is compiled into each test project; the snapshots live in the project that runs.
    private static readonly string ProjectFile = typeof(Snapshot).Assembly.GetName().Name + ".csproj";

    /// <param name="relativePath">Path below the test project's folder, e.g. Analysis/Sarif/Snapshots/x.sarif.</param>
    public static void Match(string actual, string relativePath)
    {
        var path = Path.Combine(ProjectDirectory(), relativePath);
        var normalised = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, normalised);
            return;
        }

        Assert.True(File.Exists(path), $"snapshot {path} does not exist: run the tests with {UpdateVariable}=1 to write it, then review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), normalised);
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"{ProjectFile} not found above {AppContext.BaseDirectory}");
    }
}
