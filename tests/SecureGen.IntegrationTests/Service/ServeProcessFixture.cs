using System.Net.Http.Headers;
using SecureGen.IntegrationTests.Support;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// A real `securegen serve` child process over a temporary data folder, with tenants added by `securegen tenants add`;
/// one of them pointed by `securegen tenants set-llm` at a simulator of its own that accepts only its key.
/// </summary>
public sealed class ServeProcessFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("sg-serve-proc-").FullName;
    private NodeProcess? _serve;

    public Uri BaseAddress => _serve!.HttpAddress;

    public string DataFolder => _data;

    public string OwnerKey { get; private set; } = string.Empty;

    public string OtherKey { get; private set; } = string.Empty;

    public string BusyKey { get; private set; } = string.Empty;

    public string OperatorKey { get; private set; } = string.Empty;

    public string OwnEndpointKey { get; private set; } = string.Empty;

    /// <summary>The LLM endpoint of the tenant with its own, which refuses every key but <see cref="OwnLlmKey"/>.</summary>
    public SimulatorServer OwnEndpoint { get; private set; } = null!;

    public const string OwnLlmKey = "sk-own-endpoint-tenant-key";

    public async ValueTask InitializeAsync()
    {
        OwnEndpoint = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = OwnLlmKey }, CancellationToken.None);
        OwnEndpointKey = await AddTenantAsync("byok");
        var setLlm = await CliProcess.RunAsync(["tenants", "set-llm", "byok", "--llm-endpoint", OwnEndpoint.BaseUrl.ToString(), "--llm-api-key", OwnLlmKey, "--data", _data]);
        Assert.True(setLlm.ExitCode == 0, setLlm.Stderr);
        OwnerKey = await AddTenantAsync("owner");
        OtherKey = await AddTenantAsync("other");
        BusyKey = await AddTenantAsync("busy", "--quota", "concurrent-runs=2,sessions-per-day=1000");
        OperatorKey = await AddTenantAsync("ops", "--operator");
        // A slow simulator keeps runs in progress long enough to watch, cancel and crowd them.
        _serve = await NodeProcess.StartAsync("serve ready:", "serve", "--data", _data, "--port", "0", "--analysis-workers", "1", "--simulator-latency-ms", "300");
    }

    /// <summary>A client for the process, sending the key (none when null), not following redirects.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_serve is not null)
        {
            _serve.Terminate();
            await _serve.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await _serve.DisposeAsync();
        }

        if (OwnEndpoint is not null)
        {
            await OwnEndpoint.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    private async Task<string> AddTenantAsync(string name, params string[] options)
    {
        var result = await CliProcess.RunAsync(["tenants", "add", name, "--data", _data, .. options]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}
