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
    /// and the retrieval over it. Dense retrieval uses the IEmbeddingModel of AddSecureGenGeneration.
    /// </summary>
    public static IServiceCollection AddSecureGenRetrieval(this IServiceCollection services, IEnumerable<BenchmarkTask> seedTasks)
    {
        services.AddSingleton<ISecureCodeBase>(InMemorySecureCodeBase.FromTasks(seedTasks));
        services.AddSingleton(sp => new SecureExampleRetrieval(sp.GetRequiredService<ISecureCodeBase>(), sp.GetService<IEmbeddingModel>()));
        return services;
    }
}
