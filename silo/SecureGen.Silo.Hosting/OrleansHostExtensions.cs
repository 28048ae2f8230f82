using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Placement;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Storage;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Core.Sessions;
using SecureGen.Grains;
using SecureGen.Grains.Budgets;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;
using SecureGen.Grains.Runs;
using SecureGen.Grains.Scorers;
using SecureGen.Grains.Telemetry;

namespace SecureGen.Silo.Hosting;

public static class OrleansHostExtensions
{
    /// <summary>
    /// The silo: clustering (loopback alone, or Redis membership), grain state and reminders (memory alone, Redis in a
    /// cluster), memory streams, the silo's roles as metadata with the role placement filter, the grains' adapters, trace propagation where asked,
    /// failure detection tuned for seconds, and the dashboard where asked. Domain services come from the other
    /// AddSecureGen* extensions.
    /// </summary>
    public static IHostApplicationBuilder AddSecureGenOrleans(this IHostApplicationBuilder builder, OrleansSettings settings, GrainOptions grains)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Services.AddSecureGenGrainServices(grains);
        builder.UseOrleans(silo => silo.UseSecureGenClusterState(settings).AddSecureGenGrains(SiloRoles.Parse(settings.Roles), settings.Dashboard, settings.TraceGrainCalls, settings.StreamPullingPeriod));
        return builder;
    }

    /// <summary>What the grain classes need beside the domain services, and the runtime settings they rely on.</summary>
    public static IServiceCollection AddSecureGenGrainServices(this IServiceCollection services, GrainOptions grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(grains));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ScorerMetrics>();
        services.AddSingleton<ClusterLoadMetrics>();
        services.AddSingleton<IEndpointBudget, GrainEndpointBudget>();
        services.AddSingleton<SessionRunner>();
        services.AddSingleton<CandidateGenerator>();
        services.AddSecureGenSerialization();
        // Grain state through Orleans' own serializer (the records are [GenerateSerializer]), not the default
        // Newtonsoft.Json one: it was 3% of an embedded eval's CPU, and memory storage serializes on every write too.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        services.Configure<ClusterMembershipOptions>(TuneFailureDetection);
        return services;
    }

    /// <summary>Where the cluster keeps its membership, grain state and reminders: memory for a lone silo, Redis for a cluster.</summary>
    public static ISiloBuilder UseSecureGenClusterState(this ISiloBuilder silo, OrleansSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        silo.Configure<SiloOptions>(o => o.SiloName = settings.SiloName ?? $"{Dns.GetHostName()}-{Environment.ProcessId}");
        var siloPort = settings.SiloPort > 0 ? settings.SiloPort : FreePort.Next();
        var gatewayPort = settings.GatewayPort > 0 ? settings.GatewayPort : FreePort.Next();
        if (settings.Cluster is { } cluster)
        {
            var redis = ClusterAddress.Parse(cluster);
            silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
            silo.AddRedisGrainStorage(GrainStorage.Name, o => o.ConfigurationOptions = redis.Clone());
            silo.AddRedisGrainStorage(GrainStorage.PubSub, o => o.ConfigurationOptions = redis.Clone());
            silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Parse(settings.AdvertisedAddress);
                o.SiloPort = siloPort;
                o.GatewayPort = gatewayPort;
            });
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort);
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.AddMemoryGrainStorage(GrainStorage.PubSub);
            silo.UseInMemoryReminderService();
        }

        return silo;
    }

    /// <summary>The grains of the silo's roles: roles as silo metadata with the role placement filter, the streams, and the dashboard.</summary>
    public static ISiloBuilder AddSecureGenGrains(this ISiloBuilder silo, SiloRoles roles, bool dashboard = false, bool traceGrainCalls = false, TimeSpan? streamPullingPeriod = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(roles);
        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRole.MetadataKey] = string.Join(',', roles.Names) });
        // Transient: Orleans makes one strategy per grain type and initializes it with that type's role; a singleton
        // would hold whichever type was initialized last and send every grain to that role's silos.
        silo.Services.AddPlacementFilter<RolePlacementFilterStrategy, RolePlacementFilterDirector>(ServiceLifetime.Transient);
        silo.Services.PostConfigure<GrainTypeOptions>(o => RemoveGrainsOutside(o, roles));
        silo.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePullingAgent(agent =>
            agent.Configure(o => o.GetQueueMsgsTimerPeriod = streamPullingPeriod ?? OrleansSettings.DefaultStreamPullingPeriod)));
        if (traceGrainCalls)
        {
            // Grain calls carry the caller's trace context, so one session is one trace across silos. Only where
            // traces are exported: with it on, the silo-death recovery test stops finding sessions on the second silo.
            silo.AddActivityPropagation();
        }

        if (dashboard || roles.Api)
        {
            silo.AddDashboard();
        }

        return silo;
    }

    /// <summary>Cluster id and service id of every SecureGen cluster; one Redis database holds one cluster.</summary>
    public const string ClusterId = "securegen";

    /// <summary>LLM sampling with retries is the slow part of a grain call: Orleans' 30 s default would cut it off.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A dead silo is declared dead in seconds instead of about a minute, so its sessions resume soon: probes
    /// time out after 2 s, three missed probes suspect a silo, one vote declares it dead (a killed process
    /// resets its connections and is seen at once; a frozen one takes about three probe periods). Not tighter:
    /// a silo starved of CPU for a second must not be declared dead.
    /// </summary>
    private static void TuneFailureDetection(ClusterMembershipOptions o)
    {
        o.ProbeTimeout = TimeSpan.FromSeconds(2);
        o.MaxProbeTimeout = TimeSpan.FromSeconds(4);
        o.NumMissedProbesLimit = 3;
        o.NumVotesForDeathDeclaration = 1;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        o.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
        o.DefunctSiloExpiration = TimeSpan.FromHours(1);
    }

    /// <summary>A silo without a role does not host its grains at all (the placement filter keeps calls away too).</summary>
    private static void RemoveGrainsOutside(GrainTypeOptions options, SiloRoles roles)
    {
        foreach (var grain in options.Classes.ToList())
        {
            if (grain.GetCustomAttribute<RequiredRoleAttribute>() is { } required && !roles.Has(required.Role))
            {
                options.Classes.Remove(grain);
            }
        }
    }
}
