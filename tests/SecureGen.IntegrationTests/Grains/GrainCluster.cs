using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Grains;
using SecureGen.Grains.Interfaces;
using SecureGen.Silo.Hosting;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>
/// An in-process Orleans cluster (Orleans' TestingHost) of silos with the given roles, each wired like a real silo
/// (grain services, role metadata and placement filter, memory streams and reminders) around test services,
/// with one SQLite results store shared by all silos.
/// </summary>
internal sealed class GrainCluster : IAsyncDisposable
{
    private readonly string _dir;

    private GrainCluster(InProcessTestCluster cluster, string dir, ISessionStore store)
    {
        Cluster = cluster;
        _dir = dir;
        Store = store;
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public ISessionStore Store { get; }

    /// <param name="roles">The roles of each silo, in start order ("all", or e.g. "session,candidate").</param>
    /// <param name="services">Adds the domain services (model, analyzer, ...) to a silo of the given roles.</param>
    /// <param name="redis">Keep grain state and reminders in this Redis (so they outlive a silo); null keeps them in memory.</param>
    /// <param name="silos">How many silos start now (default: one per entry of <paramref name="roles"/>); later ones take the next roles.</param>
    /// <param name="host">Anything else for each silo's host (e.g. telemetry).</param>
    /// <param name="traceGrainCalls">Grain calls (the client's too) carry trace context, as where traces are exported.</param>
    public static async Task<GrainCluster> StartAsync(string[] roles, Action<SiloRoles, IServiceCollection> services, GrainOptions? grains = null, Action<ISiloBuilder>? silo = null, string? redis = null, int? silos = null, Action<IHostApplicationBuilder>? host = null, bool traceGrainCalls = false)
    {
        var dir = Directory.CreateTempSubdirectory("sg-grains-").FullName;
        var store = new SqliteSessionStore(Path.Combine(dir, "store.db"));
        await store.InitializeAsync(CancellationToken.None);
        var assigned = new Dictionary<string, SiloRoles>(StringComparer.Ordinal);
        SiloRoles RolesOf(string siloName)
        {
            lock (assigned)
            {
                if (!assigned.TryGetValue(siloName, out var r))
                {
                    r = SiloRoles.Parse(roles[Math.Min(assigned.Count, roles.Length - 1)]);
                    assigned[siloName] = r;
                }

                return r;
            }
        }

        var builder = new InProcessTestClusterBuilder((short)(silos ?? roles.Length));
        builder.ConfigureSiloHost((options, siloHost) =>
        {
            var siloRoles = RolesOf(options.SiloName);

            siloHost.Services.AddSingleton<ISessionStore>(store);
            siloHost.Services.TryAddSingleton(StrategyCatalog.Default);
            siloHost.Services.TryAddSingleton(new SecureExampleRetrieval(new InMemorySecureCodeBase()));
            siloHost.Services.AddSecureGenGrainServices(grains ?? FastGrains());
            services(siloRoles, siloHost.Services);
            host?.Invoke(siloHost);
        });
        builder.ConfigureSilo((options, siloBuilder) =>
        {
            if (redis is null)
            {
                siloBuilder.AddMemoryGrainStorage(GrainStorage.Name);
                siloBuilder.AddMemoryGrainStorage(GrainStorage.PubSub);
                siloBuilder.UseInMemoryReminderService();
            }
            else
            {
                var address = ClusterAddress.Parse(redis);
                siloBuilder.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = address.Clone());
                siloBuilder.AddRedisGrainStorage(GrainStorage.PubSub, o => o.ConfigurationOptions = address.Clone());
                siloBuilder.UseRedisReminderService(o => o.ConfigurationOptions = address.Clone());
            }

            siloBuilder.AddSecureGenGrains(RolesOf(options.SiloName), traceGrainCalls: traceGrainCalls);
            silo?.Invoke(siloBuilder);
        });
        builder.ConfigureClientHost(host => host.Services.AddSecureGenSerialization());
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(StreamNames.Provider);
            if (traceGrainCalls)
            {
                client.AddActivityPropagation();
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainCluster(cluster, dir, store);
    }

    /// <summary>Grain pacing for tests: short reminders and timeouts, so recovery paths run in seconds.</summary>
    public static GrainOptions FastGrains(Action<GrainOptions>? change = null)
    {
        var options = new GrainOptions
        {
            SessionReminderPeriod = TimeSpan.FromSeconds(2),
            RunReminderPeriod = TimeSpan.FromSeconds(2),
            SessionRetryDelay = TimeSpan.FromMilliseconds(50),
            RefinementEventTimeout = TimeSpan.FromSeconds(2),
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>Submits a run and waits until the run grain says every session ended (or the time is up).</summary>
    public async Task<RunStatus> RunAsync(string runId, IReadOnlyList<Core.Sessions.SessionInput> sessions, int maxInFlight = 16, TimeSpan? within = null)
    {
        var run = Client.GetGrain<IRunGrain>(runId);
        var submission = new RunSubmission(sessions, maxInFlight);
        await run.SubmitAsync(submission);
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await run.GetStatusAsync();
            if (status.IsFinished || timeout.IsCancellationRequested)
            {
                return status;
            }

            if (status.Planned == 0)
            {
                // The run grain lost its state with its silo (memory storage): submitting again is idempotent.
                await run.SubmitAsync(submission);
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        (Store as IDisposable)?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
