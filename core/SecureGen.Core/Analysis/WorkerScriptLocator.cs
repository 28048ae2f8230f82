namespace SecureGen.Core.Analysis;

/// <summary>Finds the Python worker: copied next to the app by the build, or in the source tree during development.</summary>
public static class WorkerScriptLocator
{
    private const string ScriptName = "analysis_worker.py";

    public static string Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"analysis worker script not found at '{configured}'", configured);
        }

        var relative = Path.Combine("worker", ScriptName);
        return AppFiles.Find(relative)
            ?? throw new FileNotFoundException($"analysis worker script '{ScriptName}' not found beside the app ({AppFiles.Beside(relative)}) or in any parent folder");
    }
}
