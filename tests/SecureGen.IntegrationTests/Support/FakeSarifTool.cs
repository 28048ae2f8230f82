namespace SecureGen.IntegrationTests.Support;

/// <summary>The fixture script Fixtures/fake_sarif_tool.py: a real process that emits SARIF, standing in for Semgrep or CodeQL.</summary>
public static class FakeSarifTool
{
    public static string Script => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fake_sarif_tool.py");

    /// <summary>A command line for the external-tool adapter, e.g. Command("--mode hang", "{file}").</summary>
    public static string Command(string options, string target = "{file}") => $"{Tools.Python} '{Script}' {options} {target}".Replace("  ", " ", StringComparison.Ordinal);
}
