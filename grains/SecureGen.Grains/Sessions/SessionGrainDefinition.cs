using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureGen.Grains.Sessions;

/// <summary>How many sessions one node runs at once, and how a failing session is retried.</summary>
public sealed class SessionGrainDefinition : ConsumerDefinition<SessionGrain>
{
    public SessionGrainDefinition(IOptions<GrainOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = options.Value.SessionConcurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SessionGrain> consumerConfigurator, IRegistrationContext context)
    {
        // A transient fault (a grain timed out, the store was busy) gets two more tries; the store keeps it idempotent.
        endpointConfigurator.UseMessageRetry(r => r.Intervals(500, 2000));
    }
}
