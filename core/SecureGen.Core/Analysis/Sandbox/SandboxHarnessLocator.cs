namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>Finds the sandbox harness: copied next to the app by the build, or in the source tree during development.</summary>
internal static class SandboxHarnessLocator
{
    public const string ScriptName = "harness.py";

    public static string Locate(string? configuredDirectory)
    {
        if (!string.IsNullOrEmpty(configuredDirectory))
        {
            var configured = Path.Combine(configuredDirectory, ScriptName);
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new FileNotFoundException($"sandbox harness not found at '{configured}'", configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "worker", "sandbox", ScriptName);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "worker", "sandbox", ScriptName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"sandbox harness '{ScriptName}' not found beside the app ({beside}) or in any parent folder");
    }
}
