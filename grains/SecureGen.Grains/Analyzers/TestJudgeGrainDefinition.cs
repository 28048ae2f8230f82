using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureGen.Grains.Analyzers;

/// <summary>Sandboxed test runs are whole Python processes: at most one per core on a node.</summary>
public sealed class TestJudgeGrainDefinition : ConsumerDefinition<TestJudgeGrain>
{
    public TestJudgeGrainDefinition(IOptions<GrainOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = Math.Max(1, Math.Min(options.Value.AnalyzerConcurrency, Environment.ProcessorCount));
    }
}
