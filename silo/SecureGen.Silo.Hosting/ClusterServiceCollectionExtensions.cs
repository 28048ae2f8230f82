using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SecureGen.Grains;

namespace SecureGen.Silo.Hosting;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// All four grains on MassTransit's in-memory transport: the single-process cluster.
    /// <paramref name="configureBus"/> lets the host add its own observers (progress, result writers).
    /// </summary>
    public static IServiceCollection AddSecureGenEmbeddedCluster(this IServiceCollection services, GrainOptions options, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddMassTransit(bus =>
        {
            bus.AddSecureGenGrains(GrainRoles.All, options);
            configureBus?.Invoke(bus);
            bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
        });
        return services;
    }
}
