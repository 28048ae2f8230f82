using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Generation;
using SecureGen.Core.Strategies;

namespace SecureGen.Silo.Hosting;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>The model client for one OpenAI-compatible endpoint, and the strategies that use it.</summary>
    public static IServiceCollection AddSecureGenGeneration(this IServiceCollection services, LlmEndpointOptions endpoint)
    {
        services.AddSingleton(endpoint);
        services.AddSingleton<IChatModel, OpenAiChatModel>();
        services.AddSingleton(StrategyCatalog.Default);
        return services;
    }
}
