using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureGen.Grains.Analyzers;

/// <summary>Analysis is CPU-bound: the worker pool is the real limit, this keeps the queue in front of it short.</summary>
public sealed class AnalyzerGrainDefinition : ConsumerDefinition<AnalyzerGrain>
{
    public AnalyzerGrainDefinition(IOptions<GrainOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = options.Value.AnalyzerConcurrency;
    }
}
