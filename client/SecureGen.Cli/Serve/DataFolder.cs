namespace SecureGen.Cli.Serve;

/// <summary>Where `serve` and `tenants` keep the SQLite store and the secrets key: --data, else SECUREGEN_DATA, else the user's data folder.</summary>
internal static class DataFolder
{
    public const string Variable = "SECUREGEN_DATA";
    public const string DatabaseFile = "securegen.db";

    public static string Resolve(string? flag)
    {
        if (!string.IsNullOrWhiteSpace(flag))
        {
            return Path.GetFullPath(flag);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (!string.IsNullOrEmpty(xdg))
        {
            return Path.Combine(xdg, "securegen");
        }

        // Without a home folder (a bare container user) the data stays beside the working folder.
        return string.IsNullOrEmpty(home) ? Path.GetFullPath(".securegen") : Path.Combine(home, ".local", "share", "securegen");
    }

    public static string Database(string folder) => Path.Combine(folder, DatabaseFile);
}
