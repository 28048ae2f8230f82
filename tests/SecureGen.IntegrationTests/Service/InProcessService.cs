using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SecureGen.Cli.Serve;
using SecureGen.Core.Tenancy;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// The `serve` application (ServeHost: one silo of every role, SQLite, the API) on ASP.NET Core's in-memory test
/// server, the one WebApplicationFactory wraps, over a temporary data folder and an in-process simulator.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    private readonly SimulatorServer _simulator;

    private InProcessService(WebApplication app, SimulatorServer simulator, string dataFolder)
    {
        App = app;
        _simulator = simulator;
        DataFolder = dataFolder;
    }

    public WebApplication App { get; }

    public string DataFolder { get; }

    public TenantStore Tenants => App.Services.GetRequiredService<TenantStore>();

    public static async Task<InProcessService> StartAsync(int simulatorLatencyMs = 0)
    {
        var folder = Directory.CreateTempSubdirectory("sg-serve-").FullName;
        var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = simulatorLatencyMs }, CancellationToken.None);
        var settings = ServeHost.Settings(folder, simulator.BaseUrl, SimulatorServer.ModelName, null, analysisWorkers: 1);
        var app = ServeHost.Build(settings, 0, builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return new InProcessService(app, simulator, folder);
    }

    /// <summary>Adds a tenant the way `securegen tenants add` does and returns its key.</summary>
    public async Task<string> AddTenantAsync(string name, string? quota = null, bool isOperator = false, Uri? llmEndpoint = null, string? llmApiKey = null) =>
        (await Tenants.AddAsync(name, TenantQuota.Parse(quota), isOperator, llmEndpoint, llmApiKey, DateTimeOffset.UtcNow, CancellationToken.None)).ApiKey;

    public HttpClient Client(string? key = null)
    {
        var client = App.GetTestClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}
