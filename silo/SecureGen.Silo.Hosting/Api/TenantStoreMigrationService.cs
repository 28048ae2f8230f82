using Microsoft.Extensions.Hosting;
using SecureGen.Core.Tenancy;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>Creates the tenancy tables before the API takes requests.</summary>
internal sealed class TenantStoreMigrationService(TenantStore tenants) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tenants.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
