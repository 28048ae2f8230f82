using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Output;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.Core.Reporting;
using SecureGen.Core.Scoring;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Grains;
using SecureGen.Silo.Hosting;
using SecureGen.Simulator;
using Spectre.Console;

namespace SecureGen.Cli.Eval;

/// <summary>Runs an evaluation on a silo embedded in this process and writes the run's output files.</summary>
internal static class EvalRunner
{
    public const string DatabaseFile = "securegen.db";

    public static async Task<int> RunAsync(EvalSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<BenchmarkTask> tasks;
        try
        {
            tasks = DatasetCatalog.Default.Load(settings.Dataset, settings.DatasetPath);
        }
        catch (Exception e) when (e is UnknownDatasetException or DatasetFormatException)
        {
            return CliError.Report(e.Message);
        }

        var unknownStrategy = settings.Strategies.FirstOrDefault(s => !StrategyCatalog.Default.Contains(s));
        if (unknownStrategy is not null)
        {
            return CliError.Report(new UnknownStrategyException(unknownStrategy, StrategyCatalog.Default.Names).Message);
        }

        if (settings.Samples < 1)
        {
            return CliError.Report($"--samples must be at least 1 (got {settings.Samples})");
        }

        if (settings.TaskLimit is { } limit)
        {
            tasks = tasks.Take(limit).ToList();
        }

        try
        {
            RunOutputWriter.EnsureWritable(settings.OutputDirectory);
        }
        catch (IOException e)
        {
            return CliError.Report(e.Message);
        }

        SimulatorServer? simulator = null;
        try
        {
            Uri endpoint;
            if (settings.Endpoint is null)
            {
                simulator = await SimulatorServer.StartAsync(new SimulatorOptions(), cancellationToken);
                endpoint = simulator.BaseUrl;
                console.MarkupLine($"[grey]no --endpoint: using the in-process LLM simulator at {simulator.BaseUrl} (a test double; results are marked simulated)[/]");
            }
            else
            {
                endpoint = settings.Endpoint;
                var problem = await EndpointProbe.FindProblemAsync(endpoint, cancellationToken);
                if (problem is not null)
                {
                    return CliError.Report(problem);
                }
            }

            return await RunOnEmbeddedSiloAsync(settings, tasks, endpoint, console, cancellationToken);
        }
        finally
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunOnEmbeddedSiloAsync(EvalSettings settings, IReadOnlyList<BenchmarkTask> tasks, Uri endpoint, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var runId = $"run-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var plan = RunPlan.Create(runId, tasks, settings);
        var progress = new RunProgress(plan.Select(p => p.SessionId));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddSecureGenAnalysis(new PythonWorkerOptions { WorkerCount = settings.AnalysisWorkers })
            .AddSecureGenGeneration(new LlmEndpointOptions
            {
                BaseUrl = endpoint,
                ApiKey = settings.ApiKey ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "not-needed",
                Model = settings.Model,
            })
            .AddSecureGenStorage(Path.Combine(settings.OutputDirectory, DatabaseFile))
            .AddSecureGenScoring(ScorerOptions.FromEnvironment())
            .AddSecureGenEmbeddedCluster(new GrainOptions { SessionConcurrency = settings.Concurrency }, bus => bus.AddConsumer<SessionCompletedObserver>())
            .AddSingleton(progress);

        using var host = builder.Build();
        var store = host.Services.GetRequiredService<ISessionStore>();
        await store.InitializeAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            foreach (var input in plan)
            {
                await bus.Publish(new StartSession(input), cancellationToken);
            }

            await WaitWithProgressAsync(progress, console, cancellationToken);
            var results = await store.ListRunAsync(runId, cancellationToken);
            await RunOutputWriter.WriteAsync(settings.OutputDirectory, runId, results, cancellationToken);
            var metrics = new RunMetrics(runId, results.Count, results.Any(r => r.Simulated), Core.Metrics.MetricsCalculator.PerStrategy(results));
            SummaryTable.Write(console, metrics, settings.OutputDirectory);
            foreach (var (sessionId, reason) in progress.Faulted)
            {
                console.MarkupLineInterpolated($"[red]session {sessionId} failed:[/] {reason}");
            }

            return progress.Faulted.Count == 0 ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await host.Services.GetRequiredService<PythonWorkerPool>().DisposeAsync();
        }
    }

    private static async Task WaitWithProgressAsync(RunProgress progress, IAnsiConsole console, CancellationToken cancellationToken)
    {
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("sessions", maxValue: progress.Planned);
                while (!progress.Completion.IsCompleted)
                {
                    await Task.WhenAny(progress.Completion, Task.Delay(200, cancellationToken));
                    cancellationToken.ThrowIfCancellationRequested();
                    bar.Value = progress.Finished;
                }

                bar.Value = progress.Planned;
            });
    }
}
