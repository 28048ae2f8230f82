using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Scoring;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Grains;

namespace SecureGen.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>Everything a silo of the configured roles needs: store, analysis pool, model client, grains on the transport.</summary>
    public static WebApplicationBuilder AddSecureGenSilo(this WebApplicationBuilder builder, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var roles = settings.GrainRoles;
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<ISessionStore>(_ => SessionStores.Open(settings.Database));
        services.AddHostedService<StoreMigrationService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds));
        if ((roles & (GrainRoles.Candidate | GrainRoles.Analyzer)) != 0)
        {
            services.AddSecureGenAnalysis(new PythonWorkerOptions { WorkerCount = settings.AnalysisWorkers });
            services.AddSecureGenSandbox();
        }

        if (roles.HasFlag(GrainRoles.Candidate))
        {
            if (string.IsNullOrEmpty(settings.LlmEndpoint) || !Uri.TryCreate(settings.LlmEndpoint, UriKind.Absolute, out var endpoint))
            {
                throw new ArgumentException("a silo with the candidate role needs an LLM endpoint (SecureGen:LlmEndpoint / --endpoint)", nameof(settings));
            }

            var configuration = new LlmConfiguration
            {
                Endpoints =
                [
                    new LlmEndpointOptions
                    {
                        BaseUrl = endpoint,
                        Model = settings.LlmModel,
                        ApiKey = settings.LlmApiKey ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "not-needed",
                    },
                ],
                DefaultModel = settings.LlmModel,
                Source = "silo settings",
            };
            // Replies are cached in the cluster's database: a session redelivered to another silo does not pay twice.
            var cache = ResponseCaches.Open(settings.Database);
            services.AddSingleton<IResponseCache>(cache);
            services.AddHostedService<ResponseCacheInitializer>();
            services.AddSecureGenGeneration(configuration, cache);
        }

        if (roles.HasFlag(GrainRoles.Scorer))
        {
            services.AddSecureGenScoring(new ScorerOptions());
        }

        services.TryAddSingleton(StrategyCatalog.Default);
        if (roles.HasFlag(GrainRoles.Session))
        {
            // SecCoder's secure code base: the built-in benchmark's secure references shipped with the silo.
            services.AddSecureGenRetrieval(new BuiltinDatasetLoader().Load(null));
        }
        var grainOptions = settings.ToGrainOptions();
        grainOptions.StopTimeout = TimeSpan.FromSeconds(settings.ShutdownTimeoutSeconds);
        services.AddSecureGenCluster(roles, settings.Transport, grainOptions);
        services.AddHealthChecks();
        return builder;
    }
}
