using System.Text.Json;

namespace SecureGen.IntegrationTests.Cli;

/// <summary>Runtime settings of the built CLI that its CPU per eval session depends on (docs/eval-throughput.md).</summary>
public sealed class CliRuntimeSettingsTests
{
    [Fact]
    public async Task The_cli_runs_without_dynamic_pgo()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "securegen.runtimeconfig.json");
        using var config = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty("System.Runtime.TieredPGO", out var pgo), $"{path} does not set System.Runtime.TieredPGO");
        Assert.False(pgo.GetBoolean());
    }
}
