namespace SecureGen.Onnx;

/// <summary>
/// Finds libonnxruntime.so.1: a configured path, then SECUREGEN_ONNXRUNTIME, then .tools/onnxruntime/
/// (where scripts/fetch-onnxruntime.sh puts it) beside the app or in any parent folder of it or of the
/// working directory. Null when none is found.
/// </summary>
public static class OnnxRuntimeLocator
{
    public const string EnvironmentVariable = "SECUREGEN_ONNXRUNTIME";
    public const string LibraryName = "libonnxruntime.so.1";
    private static readonly string ToolsFolder = Path.Combine(".tools", "onnxruntime");

    public static string? Find(string? configured = null)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return File.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ToolsFolder, LibraryName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Where to look, for error messages.</summary>
    public static string SearchDescription =>
        $"{EnvironmentVariable}, or {Path.Combine(ToolsFolder, LibraryName)} above {AppContext.BaseDirectory} (run scripts/fetch-onnxruntime.sh)";
}
