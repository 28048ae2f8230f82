using Microsoft.AspNetCore.Builder;
using Orleans.Dashboard;
using SecureGen.Silo.Hosting.Api;

namespace SecureGen.Silo.Hosting;

public static class SiloApplicationExtensions
{
    public const string DashboardPath = "/dashboard";

    /// <summary>The silo's HTTP surface: health always, Prometheus metrics where telemetry serves them; the tenants' API, the OpenAI-compatible endpoint, the runs page and the Orleans dashboard on api silos.</summary>
    public static WebApplication MapSecureGenSilo(this WebApplication app, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        app.MapSecureGenHealth();
        if (settings.Telemetry.Prometheus)
        {
            app.MapSecureGenMetrics();
        }

        if (settings.ParsedRoles.Api)
        {
            app.MapSecureGenApi();
            app.MapOrleansDashboard(DashboardPath);
        }

        return app;
    }
}
