using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Core.Scoring;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Core.Tenancy;
using SecureGen.Grains;
using SecureGen.Grains.Placement;
using SecureGen.Silo.Hosting.Api;

namespace SecureGen.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Everything a silo of the configured roles needs: the results store, the analysis pool and sandbox,
    /// the model client with its response cache, the scorer, the secure code base, Orleans, and OpenTelemetry (settings.Telemetry).
    /// Grain pacing is bound from "SecureGen:Grains", the scorer from "SecureGen:Scorer".
    /// </summary>
    public static IHostApplicationBuilder AddSecureGenSilo(this IHostApplicationBuilder builder, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var roles = settings.ParsedRoles;
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<ISessionStore>(_ => SessionStores.Open(settings.Database));
        services.AddHostedService<StoreMigrationService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds));
        if (roles.Has(SiloRole.Candidate) || roles.Has(SiloRole.Analyzer))
        {
            services.AddSecureGenAnalysis(new PythonWorkerOptions { WorkerCount = settings.AnalysisWorkers });
            services.AddSecureGenSandbox();
        }

        if (roles.Has(SiloRole.Candidate))
        {
            if (string.IsNullOrEmpty(settings.LlmEndpoint) || !Uri.TryCreate(settings.LlmEndpoint, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException("a silo with the candidate role needs an LLM endpoint (SecureGen:LlmEndpoint / --endpoint)", nameof(settings));
            }

            var endpointOptions = new LlmEndpointOptions { BaseUrl = endpoint, Model = settings.LlmModel, ApiKey = settings.LlmApiKey ?? "not-needed" };
            if (settings.LlmConcurrency is { } concurrency)
            {
                endpointOptions.MaxConcurrency = concurrency;
            }

            var configuration = new LlmConfiguration
            {
                Endpoints = [endpointOptions],
                DefaultModel = settings.LlmModel,
                Source = "silo settings",
            };
            // Replies are cached in the cluster's database: a session resumed on another silo does not pay twice.
            var cache = ResponseCaches.Open(settings.Database);
            services.AddSingleton<IResponseCache>(cache);
            services.AddHostedService<ResponseCacheInitializer>();
            services.AddSecureGenGeneration(configuration, cache);
            // Tenants' sessions carry "tenant:ID"; their endpoint and key are read here, at the call, from the tenant store.
            services.AddSecureGenTenantStore(settings);
            services.AddSingleton<IChatEndpointResolver>(sp => new TenantChatModels(sp.GetRequiredService<TenantStore>(), sp.GetRequiredService<LlmClients>(), configuration, cache,
                sp.GetService<TimeProvider>(), sp.GetService<ILoggerFactory>(), sp.GetService<IEndpointBudget>()));
        }

        if (roles.Has(SiloRole.Scorer))
        {
            services.AddSecureGenScoring(builder.Configuration.GetSection(ScorerSection).Get<ScorerOptions>() ?? new ScorerOptions());
        }

        services.TryAddSingleton(StrategyCatalog.Default);
        if (roles.Has(SiloRole.Session))
        {
            // SecCoder's secure code base: the built-in benchmark's secure references shipped with the silo.
            services.AddSecureGenRetrieval(new BuiltinDatasetLoader().Load(null));
        }

        if (roles.Api)
        {
            services.AddSecureGenApi(settings);
        }

        var grains = builder.Configuration.GetSection(GrainOptions.Section).Get<GrainOptions>() ?? new GrainOptions();
        builder.AddSecureGenOrleans(settings.ToOrleansSettings(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]), grains);
        services.AddHealthChecks().AddCheck<SiloMembershipHealthCheck>("orleans-membership", tags: ["ready"]);
        builder.AddSecureGenTelemetry(settings.Telemetry, settings.Roles);
        return builder;
    }

    public const string ScorerSection = "SecureGen:Scorer";
}
