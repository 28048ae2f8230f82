using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Serve;

/// <summary>The `serve` process as a web application: one silo of every role, the API, pages and dashboard on loopback.</summary>
internal static class ServeHost
{
    public static WebApplication Build(SiloSettings settings, int port)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddSecureGenSilo(settings);
        var app = builder.Build();
        app.MapSecureGenSilo(settings);
        return app;
    }

    /// <summary>The silo settings of an embedded service over a data folder.</summary>
    public static SiloSettings Settings(string dataFolder, Uri endpoint, string model, string? apiKey, int analysisWorkers) => new()
    {
        Roles = "all",
        Database = DataFolder.Database(dataFolder),
        SecretsKeyFile = Path.Combine(dataFolder, SiloSettings.SecretsKeyFileName),
        LlmEndpoint = endpoint.ToString(),
        LlmModel = model,
        LlmApiKey = apiKey,
        AnalysisWorkers = analysisWorkers,
        SiloName = "serve",
        ShutdownTimeoutSeconds = 10,
    };
}
