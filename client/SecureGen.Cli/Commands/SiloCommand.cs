using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Output;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen silo`: run a cluster node hosting the chosen grains, until SIGTERM or Ctrl+C.</summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var roles = new Option<string>("--roles") { Description = "Comma-separated roles: session, candidate, analyzer, scorer, api (or all).", DefaultValueFactory = _ => "all" };
        var cluster = new Option<string?>("--cluster") { Description = "RabbitMQ URL (amqp://user:pass@host:port/vhost). Without it the silo runs alone on the in-memory transport." };
        var db = new Option<string>("--db") { Description = "PostgreSQL connection string or postgres:// URL, or a SQLite file.", DefaultValueFactory = _ => "securegen.db" };
        var endpoint = new Option<string?>("--endpoint") { Description = "OpenAI-compatible base URL for candidate grains." };
        var model = new Option<string>("--model") { DefaultValueFactory = _ => "securegen-simulator" };
        var apiKey = new Option<string?>("--api-key");
        var port = new Option<int>("--port") { Description = "HTTP port for health and API on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var bind = new Option<string>("--bind") { Description = "Address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var workers = new Option<int>("--analysis-workers") { DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var sessions = new Option<int>("--session-concurrency") { DefaultValueFactory = _ => 16 };
        var candidates = new Option<int>("--candidate-concurrency") { DefaultValueFactory = _ => 32 };
        var prefetch = new Option<int>("--prefetch") { DefaultValueFactory = _ => 16 };
        var shutdown = new Option<int>("--shutdown-timeout") { Description = "Seconds a stopping silo lets in-flight sessions finish.", DefaultValueFactory = _ => 30 };
        var command = new Command("silo", "Run a cluster node (silo) hosting the chosen grains.")
        {
            roles, cluster, db, endpoint, model, apiKey, port, bind, workers, sessions, candidates, prefetch, shutdown,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new SiloSettings
            {
                Roles = parse.GetValue(roles)!,
                Transport = parse.GetValue(cluster),
                Database = parse.GetValue(db)!,
                LlmEndpoint = parse.GetValue(endpoint),
                LlmModel = parse.GetValue(model)!,
                LlmApiKey = parse.GetValue(apiKey),
                AnalysisWorkers = parse.GetValue(workers),
                SessionConcurrency = parse.GetValue(sessions),
                CandidateConcurrency = parse.GetValue(candidates),
                PrefetchCount = parse.GetValue(prefetch),
                ShutdownTimeoutSeconds = parse.GetValue(shutdown),
            };

            WebApplication app;
            try
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
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
            Console.WriteLine($"silo ready: roles={settings.Roles} http={address} pid={Environment.ProcessId}");
            // SIGTERM or Ctrl+C: stop taking messages, let in-flight ones finish within the shutdown timeout.
            await app.WaitForShutdownAsync(cancellationToken);
            await app.DisposeAsync();
            return 0;
        });
        return command;
    }
}
