using SecureGen.Cli.Eval;
using SecureGen.Silo.Hosting;

namespace SecureGen.UnitTests.Cli;

public sealed class EmbeddedClusterSettingsTests
{
    [Fact]
    public void The_embedded_silo_hosts_every_grain_role_but_loads_the_dashboard_only_when_asked()
    {
        var plain = EmbeddedCluster.SiloSettings(dashboardPort: null, traced: false);
        var withDashboard = EmbeddedCluster.SiloSettings(dashboardPort: 8088, traced: false);

        var roles = SiloRoles.Parse(plain.Roles);
        Assert.Equal(["analyzer", "candidate", "scorer", "session"], roles.Names.Order(StringComparer.Ordinal));
        // An api silo always loads the dashboard (and its per-call profiler); the embedded run is not one.
        Assert.False(roles.Api);
        Assert.False(plain.Dashboard);
        Assert.True(withDashboard.Dashboard);
    }
}
