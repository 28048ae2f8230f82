using Microsoft.Extensions.Hosting;
using SecureGen.Core.Storage;

namespace SecureGen.Silo.Hosting;

/// <summary>Applies the store's migrations before the bus starts taking messages.</summary>
internal sealed class StoreMigrationService(ISessionStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
