using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureGen.Grains.Scorers;

/// <summary>Batching across sessions by size and time window: the point of having a scorer grain.</summary>
public sealed class ScorerGrainDefinition : ConsumerDefinition<ScorerGrain>
{
    private readonly GrainOptions _options;

    public ScorerGrainDefinition(IOptions<GrainOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        ConcurrentMessageLimit = _options.ScorerBatchSize * 2;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ScorerGrain> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_options.ScorerBatchSize)
            .SetTimeLimit(_options.ScorerBatchWindow)
            .SetConcurrencyLimit(2));
    }
}
