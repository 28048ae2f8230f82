using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureGen.Core.Scoring;

namespace SecureGen.Silo.Hosting;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// The neural scorer the ScorerGrain uses: a model registry that follows (or pins) a model version and switches
    /// without a restart, the ONNX Runtime scorer (metrics are the scorer grain's).
    /// </summary>
    public static IServiceCollection AddSecureGenScoring(this IServiceCollection services, ScorerOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ICodeScorer, NeuralScorer>();
        return services;
    }
}
