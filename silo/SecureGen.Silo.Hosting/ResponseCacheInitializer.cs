using Microsoft.Extensions.Hosting;
using SecureGen.Core.Generation.Caching;

namespace SecureGen.Silo.Hosting;

/// <summary>Creates the response cache table before the bus starts taking messages.</summary>
internal sealed class ResponseCacheInitializer(IResponseCache cache) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => cache.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
