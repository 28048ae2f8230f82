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

        var relative = Path.Combine("worker", "sandbox", ScriptName);
        return AppFiles.Find(relative)
            ?? throw new FileNotFoundException($"sandbox harness '{ScriptName}' not found beside the app ({AppFiles.Beside(relative)}) or in any parent folder");
    }
}
