using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureGen.Core.Tenancy;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>The HTTP API of api silos and of `securegen serve`: tenants' runs, the OpenAI-compatible endpoint, the runs page, the OpenAPI document.</summary>
public static class ApiExtensions
{
    /// <summary>The tenant store beside the results store (its tables migrated at start), the run service and the service's metrics.</summary>
    public static IServiceCollection AddSecureGenApi(this IServiceCollection services, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSecureGenTenantStore(settings);
        services.AddHostedService<TenantStoreMigrationService>();
        services.AddSingleton<ApiMetrics>();
        services.AddSingleton<RunService>();
        return services;
    }

    /// <summary>The tenant store over the silo's database and secrets key file: api silos admit runs with it, candidate silos resolve tenants' endpoints.</summary>
    public static IServiceCollection AddSecureGenTenantStore(this IServiceCollection services, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(_ => TenantStore.Open(settings.Database, SecretProtector.FromKeyFile(settings.ResolvedSecretsKeyFile)));
        return services;
    }

    public static IEndpointRouteBuilder MapSecureGenApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tenants = app.ServiceProvider.GetRequiredService<TenantStore>();
        app.MapSecureGenRuns(tenants);
        app.MapSecureGenTenants(tenants);
        app.MapSecureGenChat(tenants);
        app.MapSecureGenPages(tenants);
        app.MapSecureGenOpenApi();
        return app;
    }
}
