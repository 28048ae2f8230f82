using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureGen.Grains.Candidates;

/// <summary>Caps concurrent generation requests per node; endpoint rate limits live in the model client.</summary>
public sealed class CandidateGrainDefinition : ConsumerDefinition<CandidateGrain>
{
    public CandidateGrainDefinition(IOptions<GrainOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = options.Value.CandidateConcurrency;
    }
}
