using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SecureGen.Cli.Output;
using SecureGen.Cli.Serve;
using SecureGen.Silo.Hosting;
using SecureGen.Silo.Hosting.Api;
using SecureGen.Simulator;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen serve`: the whole service in one process (a silo of every role, SQLite, loopback), until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = $"Data folder (SQLite store, secrets key); default {DataFolder.Variable}, else ~/.local/share/securegen." };
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var endpoint = new Option<string?>("--endpoint") { Description = "OpenAI-compatible base URL of the upstream LLM; without it the in-process simulator answers." };
        var model = new Option<string?>("--model") { Description = "Default upstream model (default: the simulator's, or gpt-4o-mini with --endpoint)." };
        var apiKey = new Option<string?>("--api-key") { Description = "Upstream LLM key; default OPENAI_API_KEY." };
        var workers = new Option<int>("--analysis-workers") { DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var latency = new Option<int>("--simulator-latency-ms") { Hidden = true, DefaultValueFactory = _ => 0 };
        var command = new Command("serve", "Run the service: tenants' runs API, OpenAI-compatible /v1, runs page and Orleans dashboard on one embedded silo.")
        {
            data, port, endpoint, model, apiKey, workers, latency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Uri? given = null;
            if (parse.GetValue(endpoint) is { } endpointText && !Uri.TryCreate(endpointText, UriKind.Absolute, out given))
            {
                return CliError.Report($"--endpoint '{endpointText}' is not an absolute URL");
            }

            var folder = DataFolder.Resolve(parse.GetValue(data));
            Directory.CreateDirectory(folder);
            await using var simulator = given is null
                ? await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = parse.GetValue(latency) }, cancellationToken)
                : null;
            var upstream = given ?? simulator!.BaseUrl;
            var upstreamModel = parse.GetValue(model) ?? (simulator is null ? "gpt-4o-mini" : SimulatorServer.ModelName);
            var settings = ServeHost.Settings(folder, upstream, upstreamModel, parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY"), parse.GetValue(workers));
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = ServeHost.Build(settings, parse.GetValue(port));
                await app.StartAsync(cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or IOException)
            {
                return CliError.Report(e.Message);
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
            Console.WriteLine($"serve ready: http={address} data={folder} pid={Environment.ProcessId}");
            Console.WriteLine($"  runs API:          {address}/api/runs");
            Console.WriteLine($"  OpenAI base URL:   {address}/v1");
            Console.WriteLine($"  OpenAPI document:  {address}{OpenApiEndpoints.DocumentPath}");
            Console.WriteLine($"  runs page:         {address}{PageEndpoints.RunsPath}");
            Console.WriteLine($"  Orleans dashboard: {address}{SiloApplicationExtensions.DashboardPath}");
            Console.WriteLine(simulator is null ? $"  upstream LLM:      {upstream} ({upstreamModel})" : $"  upstream LLM:      in-process simulator at {upstream} (a test double; results are marked simulated)");
            Console.WriteLine($"  add a tenant:      securegen tenants add NAME --data {folder}");
            await app.WaitForShutdownAsync(cancellationToken);
            await app.DisposeAsync();
            return 0;
        });
        return command;
    }
}
