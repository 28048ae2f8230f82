using SecureGen.Cli.Output;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Reporting;
using SecureGen.Core.Strategies;
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

        var strategies = StrategyCatalog.Default.Expand(settings.Strategies);
        var unbuildable = strategies.Select(StrategyCatalog.Default.Problem).FirstOrDefault(p => p is not null);
        if (unbuildable is not null)
        {
            return CliError.Report(unbuildable);
        }

        if (settings.Samples < 1)
        {
            return CliError.Report($"--samples must be at least 1 (got {settings.Samples})");
        }

        // The secure code base starts from every loaded task's secure reference; sessions never retrieve their own task's.
        var codeBaseTasks = tasks;
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

        if (settings.Cluster is not null)
        {
            // The silos own the LLM endpoint and the analyzers; the client only submits and follows.
            return await ClusterEvalRunner.RunAsync(settings with { Strategies = strategies }, tasks, console, cancellationToken);
        }

        var (choice, problem) = await EndpointChoice.OpenAsync(settings.Endpoint, cancellationToken);
        if (choice is null)
        {
            return CliError.Report(problem!);
        }

        await using (choice)
        {
            if (choice.IsSimulator)
            {
                console.MarkupLine($"[grey]no --endpoint: using the in-process LLM simulator at {choice.Endpoint} (a test double; results are marked simulated)[/]");
            }

            var runId = $"run-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
            var plan = RunPlan.Create(runId, tasks, settings with { Strategies = strategies });
            foreach (var skipped in plan.Skipped)
            {
                console.MarkupLineInterpolated($"[grey]skipped {skipped}[/]");
            }

            var progress = new RunProgress(plan.Sessions.Select(p => p.SessionId));
            var cluster = new ClusterSettings(choice.Endpoint, settings.ApiKey, settings.Model, settings.EmbeddingModel, settings.AnalysisWorkers, settings.Concurrency,
                Path.Combine(settings.OutputDirectory, DatabaseFile), codeBaseTasks);
            var results = await EmbeddedCluster.RunAsync(cluster, plan.Sessions, progress, p => WaitWithProgressAsync(p, console, cancellationToken), cancellationToken);
            await RunOutputWriter.WriteAsync(settings.OutputDirectory, runId, results, cancellationToken);
            SummaryTable.Write(console, RunOutputWriter.Summarize(runId, results), settings.OutputDirectory);
            foreach (var (sessionId, reason) in progress.Faulted)
            {
                console.MarkupLineInterpolated($"[red]session {sessionId} failed:[/] {reason}");
            }

            return progress.Faulted.Count == 0 ? 0 : 1;
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
