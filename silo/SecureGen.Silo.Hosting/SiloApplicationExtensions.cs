using Microsoft.AspNetCore.Builder;

namespace SecureGen.Silo.Hosting;

public static class SiloApplicationExtensions
{
    /// <summary>The silo's HTTP surface: health always, the run API on silos with the api role.</summary>
    public static WebApplication MapSecureGenSilo(this WebApplication app, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        app.MapSecureGenHealth();
        if (settings.HostsApi)
        {
            app.MapSecureGenRunApi();
        }

        return app;
    }
}
