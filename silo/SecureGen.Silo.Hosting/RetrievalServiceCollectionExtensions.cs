using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;

namespace SecureGen.Silo.Hosting;

public static class RetrievalServiceCollectionExtensions
{
    /// <summary>
    /// The in-process secure code base, seeded with the secure references of <paramref name="seedTasks"/>,
    /// and the retrieval over it. Dense retrieval uses the registered IEmbeddingModel; when none is
    /// registered yet, an interim client on the chat endpoint is (needs AddSecureGenGeneration first).
    /// </summary>
    public static IServiceCollection AddSecureGenRetrieval(this IServiceCollection services, IEnumerable<BenchmarkTask> seedTasks, string embeddingModel)
    {
        services.AddSingleton<ISecureCodeBase>(InMemorySecureCodeBase.FromTasks(seedTasks));
        services.TryAddSingleton<IEmbeddingModel>(sp =>
        {
            var endpoint = sp.GetRequiredService<LlmEndpointOptions>();
            return new InterimEmbeddingModel(endpoint.BaseUrl, endpoint.ApiKey, embeddingModel);
        });
        services.AddSingleton(sp => new SecureExampleRetrieval(sp.GetRequiredService<ISecureCodeBase>(), sp.GetService<IEmbeddingModel>()));
        return services;
    }
}
