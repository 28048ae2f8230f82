using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Output;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Grains;
using SecureGen.Silo.Hosting;
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

        LlmSetup llm;
        try
        {
            llm = await LlmSetup.CreateAsync(settings, cancellationToken);
        }
        catch (LlmConfigurationException e)
        {
            return CliError.Report(e.Message);
        }

        await using (llm)
        {
            if (llm.Simulator is { } simulator)
            {
                console.MarkupLine($"[grey]no endpoint given: using the in-process LLM simulator at {simulator.BaseUrl} (a test double; results are marked simulated)[/]");
            }
            else
            {
                var problem = await EndpointProbe.FindProblemAsync(llm.Endpoint.BaseUrl, cancellationToken);
                if (problem is not null)
                {
                    return CliError.Report(problem);
                }
            }

            SqliteResponseCache? cache = null;
            if (!settings.NoCache)
            {
                cache = new SqliteResponseCache(llm.Configuration.CachePath ?? Path.Combine(settings.OutputDirectory, DatabaseFile));
                try
                {
                    await cache.InitializeAsync(cancellationToken);
                }
                catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
                {
                    return CliError.Report($"cannot open the LLM response cache '{cache.Path}': {e.Message}");
                }
            }

            using (cache)
            {
                return await RunOnEmbeddedSiloAsync(settings, tasks, llm, cache, console, cancellationToken);
            }
        }
    }

    private static async Task<int> RunOnEmbeddedSiloAsync(EvalSettings settings, IReadOnlyList<BenchmarkTask> tasks, LlmSetup llm, SqliteResponseCache? cache, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var runId = $"run-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var plan = RunPlan.Create(runId, tasks, settings, llm.Model);
        var progress = new RunProgress(plan.Select(p => p.SessionId));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddSecureGenAnalysis(new PythonWorkerOptions { WorkerCount = settings.AnalysisWorkers })
            .AddSecureGenGeneration(llm.Configuration, cache)
            .AddSecureGenStorage(Path.Combine(settings.OutputDirectory, DatabaseFile))
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
            var metrics = new RunMetrics(runId, results.Count, results.Any(r => r.Simulated), Core.Metrics.MetricsCalculator.PerStrategy(results), LlmUsage.Of(results));
            SummaryTable.Write(console, metrics, settings.OutputDirectory);
            console.MarkupLineInterpolated($"[grey]LLM: {metrics.Llm!.Calls} call(s), {metrics.Llm.CacheHits} from the cache{(cache is null ? " (--no-cache)" : string.Empty)}, {metrics.Llm.Retries} retries, ${metrics.Llm.CostUsd:0.####}[/]");
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
