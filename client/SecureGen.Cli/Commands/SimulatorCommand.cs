using System.CommandLine;
using SecureGen.Cli.Output;
using SecureGen.Simulator;

namespace SecureGen.Cli.Commands;

/// <summary>`securegen simulator`: serve the LLM simulator until interrupted. Flags override the --config file.</summary>
internal static class SimulatorCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Simulator configuration file (YAML or JSON, snake_case keys as in SimulatorOptions)." };
        var port = new Option<int?>("--port") { Description = "Loopback port, 0 picks a free one (default 8000)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of latency jitter and fault draws." };
        var insecureRate = new Option<double?>("--insecure-rate") { Description = "Probability of an insecure answer to a plain prompt (default 0.5)." };
        var oddsInstruction = new Option<double?>("--odds-security-instruction") { Description = "Odds ratio when the prompt asks for secure code (default 0.5)." };
        var oddsDemonstration = new Option<double?>("--odds-secure-demonstration") { Description = "Odds ratio when the prompt carries a secure example (default 0.4)." };
        var oddsFindings = new Option<double?>("--odds-analyzer-findings") { Description = "Odds ratio when the prompt carries analyzer findings (default 0.35)." };
        var oddsSameCode = new Option<double?>("--odds-findings-same-code") { Description = "Further odds ratio when the findings come with this task's insecure code (default 0.3)." };
        var latency = new Option<double?>("--latency-ms") { Description = "Fixed latency of every request." };
        var jitter = new Option<string?>("--jitter") { Description = "Latency jitter: none, normal or lognormal." };
        var jitterMs = new Option<double?>("--jitter-ms") { Description = "Jitter scale: standard deviation (normal) or median (lognormal)." };
        var jitterSigma = new Option<double?>("--jitter-sigma") { Description = "Lognormal shape (default 0.5)." };
        var tokensPerSecond = new Option<double?>("--tokens-per-second") { Description = "Generation speed; adds completion tokens / speed to the latency (0: instant)." };
        var rpm = new Option<int?>("--rpm") { Description = "Requests per minute before answering 429 with Retry-After (0: unlimited)." };
        var burst = new Option<int?>("--rate-limit-burst") { Description = "Burst allowed by --rpm (default: a minute's budget)." };
        var errorRate = new Option<double?>("--error-rate") { Description = "Probability of a 5xx answer." };
        var errorStatus = new Option<int?>("--error-status") { Description = "Status of injected 5xx answers (default: one of 500/502/503/504)." };
        var failFirst = new Option<int?>("--fail-first") { Description = "The first N requests fail with a 5xx." };
        var timeoutRate = new Option<double?>("--timeout-rate") { Description = "Probability that a request hangs." };
        var hangMs = new Option<double?>("--hang-ms") { Description = "How long a hanging request hangs (default 600000)." };
        var truncateRate = new Option<double?>("--truncate-rate") { Description = "Probability that a completion is cut off mid-code." };
        var garbageRate = new Option<double?>("--garbage-rate") { Description = "Probability that a completion is garbage." };

        var command = new Command("simulator", "Serve the OpenAI-compatible LLM simulator (a test double) on 127.0.0.1.")
        {
            config, port, seed, insecureRate, oddsInstruction, oddsDemonstration, oddsFindings, oddsSameCode, latency, jitter, jitterMs, jitterSigma,
            tokensPerSecond, rpm, burst, errorRate, errorStatus, failFirst, timeoutRate, hangMs, truncateRate, garbageRate,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            SimulatorOptions options;
            try
            {
                options = parse.GetValue(config) is { } path ? SimulatorConfigurationLoader.Load(path) : new SimulatorOptions();
            }
            catch (InvalidOperationException e)
            {
                return CliError.Report(e.Message);
            }

            void Apply<T>(Option<T?> option, Action<T> set)
                where T : struct
            {
                if (parse.GetValue(option) is { } value)
                {
                    set(value);
                }
            }

            // A config file without a port (or with port 0) still serves on the usual 8000; only --port 0 asks for a free port.
            options.Port = parse.GetValue(port) ?? (options.Port == 0 ? 8000 : options.Port);
            Apply(seed, v => options.Seed = v);
            Apply(insecureRate, v => options.InsecureRate = v);
            Apply(oddsInstruction, v => options.SecurityInstructionOddsRatio = v);
            Apply(oddsDemonstration, v => options.SecureDemonstrationOddsRatio = v);
            Apply(oddsFindings, v => options.AnalyzerFindingsOddsRatio = v);
            Apply(oddsSameCode, v => options.FindingsOnSameCodeOddsRatio = v);
            Apply(latency, v => options.LatencyMs = v);
            Apply(jitterMs, v => options.JitterMs = v);
            Apply(jitterSigma, v => options.JitterSigma = v);
            Apply(tokensPerSecond, v => options.TokensPerSecond = v);
            Apply(rpm, v => options.RequestsPerMinute = v);
            Apply(burst, v => options.RateLimitBurst = v);
            Apply(errorRate, v => options.ServerErrorRate = v);
            Apply(errorStatus, v => options.ServerErrorStatus = v);
            Apply(failFirst, v => options.FailFirstRequests = v);
            Apply(timeoutRate, v => options.TimeoutRate = v);
            Apply(hangMs, v => options.HangMs = v);
            Apply(truncateRate, v => options.TruncateRate = v);
            Apply(garbageRate, v => options.GarbageRate = v);
            if (parse.GetValue(jitter) is { } jitterKind)
            {
                options.Jitter = jitterKind;
            }

            if (options.Validate() is { } problem)
            {
                return CliError.Report($"simulator: {problem}");
            }

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
