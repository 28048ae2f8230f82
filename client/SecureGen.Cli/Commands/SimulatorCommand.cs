using System.CommandLine;
using SecureGen.Simulator;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen simulator`: serve the LLM simulator until interrupted.</summary>
internal static class SimulatorCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0 picks a free one).", DefaultValueFactory = _ => 8000 };
        var insecureRate = new Option<double>("--insecure-rate") { Description = "Share of insecure answers to a plain prompt.", DefaultValueFactory = _ => 0.5 };
        var latency = new Option<int>("--latency-ms") { Description = "Fixed latency added to every completion.", DefaultValueFactory = _ => 0 };
        var command = new Command("simulator", "Serve the OpenAI-compatible LLM simulator (a test double) on 127.0.0.1.") { port, insecureRate, latency };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulatorOptions
            {
                Port = parse.GetValue(port),
                InsecureRate = parse.GetValue(insecureRate),
                Latency = TimeSpan.FromMilliseconds(parse.GetValue(latency)),
            };
            await using var server = await SimulatorServer.StartAsync(options, cancellationToken);
            Console.WriteLine($"simulator listening on {server.BaseUrl} ({server.KnownTasks} known tasks); Ctrl+C stops it");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop quietly.
            }

            return 0;
        });
        return command;
    }
}
