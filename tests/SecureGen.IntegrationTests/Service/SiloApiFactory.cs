extern alias SiloApp;

using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SecureGen.Silo.Hosting;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// The silo process (silo/SecureGen.Silo's Program) with every role, api included, on WebApplicationFactory: one
/// silo alone, a SQLite store and secrets key in <paramref name="dataFolder"/>, the cluster's model at <paramref name="llmEndpoint"/>
/// (with <paramref name="llmApiKey"/> when given).
/// Configured through host settings, as `SECUREGEN__*` variables would configure a pod.
/// </summary>
internal sealed class SiloApiFactory(string dataFolder, Uri llmEndpoint, string llmModel, string? llmApiKey = null) : WebApplicationFactory<SiloApp::Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = SiloSettings.Section + ":";
        builder.UseSetting(section + nameof(SiloSettings.Roles), "all");
        builder.UseSetting(section + nameof(SiloSettings.Database), Path.Combine(dataFolder, "securegen.db"));
        builder.UseSetting(section + nameof(SiloSettings.SecretsKeyFile), Path.Combine(dataFolder, SiloSettings.SecretsKeyFileName));
        builder.UseSetting(section + nameof(SiloSettings.LlmEndpoint), llmEndpoint.ToString());
        builder.UseSetting(section + nameof(SiloSettings.LlmModel), llmModel);
        if (llmApiKey is not null)
        {
            builder.UseSetting(section + nameof(SiloSettings.LlmApiKey), llmApiKey);
        }

        builder.UseSetting(section + nameof(SiloSettings.AnalysisWorkers), "1");
        builder.UseSetting(section + nameof(SiloSettings.SiloName), "api-tests");
        builder.UseSetting(section + nameof(SiloSettings.ShutdownTimeoutSeconds), 10.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Orleans", "Error");
    }
}
