using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Core.Strategies;

namespace SecureGen.Silo.Hosting;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>
    /// The model clients for the configured endpoints (cache → limits/retries/breaker → SDK) and the
    /// strategies that use them; in a cluster every call also holds a lease of the endpoint's shared budget. A null <paramref name="cache"/> bypasses the response cache.
    /// </summary>
    public static IServiceCollection AddSecureGenGeneration(this IServiceCollection services, LlmConfiguration configuration, IResponseCache? cache)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(configuration);
        services.AddSingleton(sp => LlmClients.Create(configuration, cache, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILoggerFactory>(), sp.GetService<IEndpointBudget>()));
        services.AddSingleton(sp => sp.GetRequiredService<LlmClients>().Chat);
        services.AddSingleton(sp => sp.GetRequiredService<LlmClients>().Embeddings);
        services.AddSingleton(StrategyCatalog.Default);
        return services;
    }
}
