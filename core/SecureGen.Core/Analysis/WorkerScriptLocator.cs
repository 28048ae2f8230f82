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

        var beside = Path.Combine(AppContext.BaseDirectory, "worker", ScriptName);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "worker", ScriptName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"analysis worker script '{ScriptName}' not found beside the app ({beside}) or in any parent folder");
    }
}
