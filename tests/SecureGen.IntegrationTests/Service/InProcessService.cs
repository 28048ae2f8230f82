using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Tenancy;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// The api silo (<see cref="SiloApiFactory"/>: the silo process's Program on WebApplicationFactory's in-memory
/// server) over a temporary data folder and an in-process simulator as the cluster's LLM endpoint.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    private InProcessService(SiloApiFactory factory, SimulatorServer simulator, string dataFolder)
    {
        Factory = factory;
        Simulator = simulator;
        DataFolder = dataFolder;
    }

    public SiloApiFactory Factory { get; }

    /// <summary>The cluster's default LLM endpoint.</summary>
    public SimulatorServer Simulator { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => Factory.Services;

    public TenantStore Tenants => Services.GetRequiredService<TenantStore>();

    /// <param name="clusterApiKey">The cluster endpoint's key: the simulator then refuses every other key.</param>
    public static async Task<InProcessService> StartAsync(int simulatorLatencyMs = 0, string? clusterApiKey = null)
    {
        var folder = Directory.CreateTempSubdirectory("sg-serve-").FullName;
        var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = simulatorLatencyMs, ApiKey = clusterApiKey }, CancellationToken.None);
        var factory = new SiloApiFactory(folder, simulator.BaseUrl, SimulatorServer.ModelName, clusterApiKey);
        // Starts the host (silo, migrations) before the first request.
        _ = factory.Services;
        return new InProcessService(factory, simulator, folder);
    }

    /// <summary>Adds a tenant the way `securegen tenants add` does and returns its key.</summary>
    public async Task<string> AddTenantAsync(string name, string? quota = null, bool isOperator = false, Uri? llmEndpoint = null, string? llmApiKey = null) =>
        (await Tenants.AddAsync(name, TenantQuota.Parse(quota), isOperator, llmEndpoint, llmApiKey, DateTimeOffset.UtcNow, CancellationToken.None)).ApiKey;

    public HttpClient Client(string? key = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataFolder, recursive: true);
    }
}
