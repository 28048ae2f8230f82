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
    public static IServiceCollection AddSecureGenEmbeddedCluster(this IServiceCollection services, GrainOptions options, Action<IBusRegistrationConfigurator>? configureBus = null) =>
        services.AddSecureGenCluster(GrainRoles.All, transport: null, options, configureBus);

    /// <summary>
    /// The grains of the given roles on the configured transport: RabbitMQ when a URL is given,
    /// else in-memory. A node with no roles is a pure client (it only publishes and requests).
    /// </summary>
    public static IServiceCollection AddSecureGenCluster(this IServiceCollection services, GrainRoles roles, string? transport, GrainOptions options, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddSecureGenGrains(roles, options);
            configureBus?.Invoke(bus);
            if (string.IsNullOrEmpty(transport))
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                return;
            }

            var address = RabbitMqAddress.Parse(transport);
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
                {
                    h.Username(address.Username);
                    h.Password(address.Password);
                });
                cfg.PrefetchCount = options.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });

        // On RabbitMQ the first publish can be lost unless start waits for the broker (shared/dotnet/README.md).
        services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = options.StopTimeout;
        });
        return services;
    }
}
