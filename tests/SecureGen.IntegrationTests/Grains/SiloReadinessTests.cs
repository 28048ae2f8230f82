using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SecureGen.Silo.Hosting;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>Readiness follows cluster membership: ready while the silo is an active member, not ready once the cluster declared it dead.</summary>
public sealed class SiloReadinessTests
{
    [Fact]
    public async Task A_silo_is_ready_while_it_is_an_active_member_and_not_once_the_cluster_declares_it_dead()
    {
        await using var cluster = await GrainCluster.StartAsync(["all", "all"], (_, _) => { });
        var survivor = cluster.Cluster.Silos[0];
        var victim = cluster.Cluster.Silos[1];
        var victimDetails = victim.ServiceProvider.GetRequiredService<ILocalSiloDetails>();
        var survivorView = survivor.ServiceProvider.GetRequiredService<IClusterMembershipService>();
        var ready = await CheckAsync(survivorView, victimDetails);
        Assert.Equal(HealthStatus.Healthy, ready.Status);

        await cluster.Cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (survivorView.CurrentSnapshot.GetSiloStatus(victimDetails.SiloAddress) != SiloStatus.Dead && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var dead = await CheckAsync(survivorView, victimDetails);
        Assert.Equal(HealthStatus.Unhealthy, dead.Status);
        Assert.Contains("Dead", dead.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(survivorView, survivor.ServiceProvider.GetRequiredService<ILocalSiloDetails>())).Status);
    }

    private static Task<HealthCheckResult> CheckAsync(IClusterMembershipService membership, ILocalSiloDetails silo) =>
        new SiloMembershipHealthCheck(membership, silo).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
}
