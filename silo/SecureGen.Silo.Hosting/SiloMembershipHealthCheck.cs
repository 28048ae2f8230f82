using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace SecureGen.Silo.Hosting;

/// <summary>Ready only while this silo is an active member of its cluster (not joining, not shutting down, not declared dead).</summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {silo.Name} is an active member")
            : HealthCheckResult.Unhealthy($"silo {silo.Name} is {status}, not an active member"));
    }
}
