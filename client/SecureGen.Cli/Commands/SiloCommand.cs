using System.CommandLine;
using SecureGen.Core.Analysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Hosting;
using SecureGen.Cli.Output;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen silo`: run a cluster node hosting the chosen grains, until SIGTERM or Ctrl+C.</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var roles = new Option<string>("--roles") { Description = "Comma-separated roles: session, candidate, analyzer, scorer, api (or all).", DefaultValueFactory = _ => "all" };
        var cluster = new Option<string?>("--cluster") { Description = "The cluster's Redis address (host:port); default SECUREGEN_CLUSTER. Without either the silo runs alone." };
        var db = new Option<string?>("--db") { Description = "Results store: PostgreSQL connection string or postgres:// URL, or a SQLite file; default SECUREGEN_DB, else securegen.db." };
        var endpoint = new Option<string?>("--endpoint") { Description = "OpenAI-compatible base URL for candidate grains." };
        var model = new Option<string>("--model") { DefaultValueFactory = _ => "securegen-simulator" };
        var apiKey = new Option<string?>("--api-key");
        var port = new Option<int>("--port") { Description = "HTTP port for health, API and dashboard on --bind (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on (HTTP and Orleans).", DefaultValueFactory = _ => "127.0.0.1" };
        var siloPort = new Option<int>("--silo-port") { Description = "Orleans silo-to-silo port (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Orleans client gateway port (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var name = new Option<string?>("--name") { Description = "Silo name shown on the dashboard." };
        var workers = new Option<int>("--analysis-workers") { DefaultValueFactory = _ => PythonWorkerOptions.DefaultWorkerCount };
        var shutdown = new Option<int>("--shutdown-timeout") { Description = "Seconds a stopping silo lets in-flight work finish before the cluster takes it over.", DefaultValueFactory = _ => 30 };
        var command = new Command("silo", "Run a cluster node (silo) hosting the chosen grains.")
        {
            roles, cluster, db, endpoint, model, apiKey, port, bind, siloPort, gatewayPort, name, workers, shutdown,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new SiloSettings
            {
                Roles = parse.GetValue(roles)!,
                Cluster = CliConfiguration.ClusterOr(parse.GetValue(cluster)),
                Database = CliConfiguration.DatabaseOr(parse.GetValue(db)) ?? "securegen.db",
                LlmEndpoint = parse.GetValue(endpoint),
                LlmModel = parse.GetValue(model)!,
                LlmApiKey = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
                AnalysisWorkers = parse.GetValue(workers),
                SiloName = parse.GetValue(name),
                SiloPort = parse.GetValue(siloPort),
                GatewayPort = parse.GetValue(gatewayPort),
                AdvertisedAddress = parse.GetValue(bind)!,
                ShutdownTimeoutSeconds = parse.GetValue(shutdown),
            };

            WebApplication app;
            try
            {
                _ = settings.ParsedRoles;
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
                builder.Configuration.GetSection(TelemetrySettings.Section).Bind(settings.Telemetry);
                builder.WebHost.UseUrls($"http://{parse.GetValue(bind)}:{parse.GetValue(port)}");
                builder.AddSecureGenSilo(settings);
                app = builder.Build();
                app.MapSecureGenSilo(settings);
                await app.StartAsync(cancellationToken);
            }
            catch (ArgumentException e)
            {
                return CliError.Report(e.Message);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.WriteLine($"silo ready: roles={settings.Roles} http={address} cluster={settings.Cluster ?? "(alone)"} pid={Environment.ProcessId}");
            // SIGTERM or Ctrl+C: Orleans stops taking work and hands what is in flight to the cluster within the shutdown timeout.
            await app.WaitForShutdownAsync(cancellationToken);
            await app.DisposeAsync();
            return 0;
        });
        return command;
    }
}
