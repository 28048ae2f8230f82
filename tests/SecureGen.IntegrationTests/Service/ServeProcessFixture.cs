using System.Net.Http.Headers;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Service;

/// <summary>A real `securegen serve` child process over a temporary data folder, with tenants added by `securegen tenants add`.</summary>
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

    public async ValueTask InitializeAsync()
    {
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

        Directory.Delete(_data, recursive: true);
    }

    private async Task<string> AddTenantAsync(string name, params string[] options)
    {
        var result = await CliProcess.RunAsync(["tenants", "add", name, "--data", _data, .. options]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }
}
