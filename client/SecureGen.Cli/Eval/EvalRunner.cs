using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Output;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Download;
using SecureGen.Core.Generation;
using SecureGen.Core.Metrics;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
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
            using var downloader = new DatasetDownloader();
            tasks = await DatasetCatalog.Default.LoadAsync(settings.Dataset, settings.DatasetPath, downloader, cancellationToken);
            tasks = new TaskFilter(settings.TaskLimit, settings.Cwes, settings.TaskIds).Apply(tasks);
        }
        catch (Exception e) when (e is UnknownDatasetException or DatasetFormatException or DatasetDownloadException or TaskSelectionException)
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

        try
        {
            RunOutputWriter.EnsureWritable(settings.OutputDirectory);
        }
        catch (IOException e)
        {
            return CliError.Report(e.Message);
        }

        var (runId, resumeProblem) = ResumeSupport.Open(settings);
        if (runId is null)
        {
            return CliError.Report(resumeProblem!);
        }

        SimulatorServer? simulator = null;
        try
        {
            Uri endpoint;
            if (settings.Endpoint is null)
            {
                simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Latency = TimeSpan.FromMilliseconds(settings.SimulatorLatencyMs) }, cancellationToken);
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

            return await RunOnEmbeddedSiloAsync(settings, runId, tasks, endpoint, console, cancellationToken);
        }
        finally
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunOnEmbeddedSiloAsync(EvalSettings settings, string runId, IReadOnlyList<BenchmarkTask> tasks, Uri endpoint, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var plan = RunPlan.Create(runId, tasks, settings);
        var databasePath = Path.Combine(settings.OutputDirectory, DatabaseFile);
        IReadOnlyList<SessionInput> pending = plan;
        IReadOnlyList<SessionResult> done = [];
        if (settings.Resume)
        {
            using var existing = new SqliteSessionStore(databasePath);
            await existing.InitializeAsync(cancellationToken);
            (pending, done) = await ResumeSupport.PendingAsync(plan, existing, runId, cancellationToken);
            console.MarkupLineInterpolated($"[grey]resuming run {runId}: {done.Count} of {plan.Count} sessions already stored[/]");
        }

        ResumeSupport.Record(settings, runId, plan.Count);
        var progress = new RunProgress(pending.Select(p => p.SessionId), done.Count);
        progress.AddStoredUsage(done.Sum(SessionUsage.Tokens), done.Select(SessionUsage.CostUsd).Any(c => c is not null) ? done.Sum(r => SessionUsage.CostUsd(r) ?? 0) : null);

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
            .AddSecureGenStorage(databasePath)
            .AddSecureGenEmbeddedCluster(new GrainOptions { SessionConcurrency = settings.Concurrency }, bus => bus.AddConsumer<SessionCompletedObserver>())
            .AddSingleton(progress);

        using var host = builder.Build();
        var store = host.Services.GetRequiredService<ISessionStore>();
        await store.InitializeAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            foreach (var input in pending)
            {
                await bus.Publish(new StartSession(input), cancellationToken);
            }

            try
            {
                await WaitWithProgressAsync(progress, console, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                console.MarkupLineInterpolated($"[yellow]stopped:[/] {progress.Finished} of {progress.Planned} sessions are stored; continue with the same command and --resume");
                throw;
            }

            var results = await store.ListRunAsync(runId, cancellationToken);
            var metrics = await RunOutputWriter.WriteAsync(settings.OutputDirectory, runId, results, cancellationToken);
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
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask(ProgressLine.Describe(progress, TimeSpan.Zero), maxValue: progress.Planned);
                var started = Stopwatch.StartNew();
                while (!progress.Completion.IsCompleted)
                {
                    await Task.WhenAny(progress.Completion, Task.Delay(200, cancellationToken));
                    cancellationToken.ThrowIfCancellationRequested();
                    bar.Value = progress.Finished;
                    bar.Description = ProgressLine.Describe(progress, started.Elapsed);
                }

                bar.Value = progress.Planned;
                bar.Description = ProgressLine.Describe(progress, started.Elapsed);
            });
    }
}
