namespace SecureGen.Tests.Shared;

/// <summary>Finds ../shared/datasets (beside the repository) by walking up from the test binaries.</summary>
public static class SharedDatasets
{
    public static string? Root { get; } = Locate();

    /// <summary>The path of a dataset folder, or a skip when this machine has no shared datasets.</summary>
    public static string Require(string relative)
    {
        if (Root is null)
        {
            Assert.Skip("no shared/datasets folder beside the repository on this machine");
        }

        var path = Path.Combine(Root, relative);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Skip($"shared dataset {relative} is missing");
        }

        return path;
    }

    /// <summary>The datasets folder itself (for commands that take it whole), or a skip when it lacks one of <paramref name="needed"/>.</summary>
    public static string RequireAll(params string[] needed)
    {
        foreach (var relative in needed)
        {
            Require(relative);
        }

        return Root ?? Require(string.Empty);
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
