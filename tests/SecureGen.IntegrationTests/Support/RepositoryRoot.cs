namespace SecureGen.IntegrationTests.Support;

/// <summary>The repository checkout the tests were built from (for scripts/ and ../shared).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SecureGenCluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no SecureGenCluster.sln above {AppContext.BaseDirectory}");
    }
}
