using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SecureGen.Cli.Hosting;
using SecureGen.Cli.Output;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Download;
using SecureGen.Core.Generation.Caching;
using SecureGen.Core.Metrics;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using Spectre.Console;

namespace SecureGen.Cli.Eval;

/// <summary>Runs an evaluation, on a silo embedded in this process or on a cluster, and writes the run's output files.</summary>
internal static class EvalRunner
{
    public const string DatabaseFile = "securegen.db";

    public static async Task<int> RunAsync(EvalSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<BenchmarkTask> loaded;
        IReadOnlyList<BenchmarkTask> tasks;
        try
        {
            using var downloader = new DatasetDownloader();
            loaded = await DatasetCatalog.Default.LoadAsync(settings.Dataset, settings.DatasetPath, downloader, cancellationToken);
            tasks = new TaskFilter(settings.TaskLimit, settings.Cwes, settings.TaskIds).Apply(loaded);
        }
        catch (Exception e) when (e is UnknownDatasetException or DatasetFormatException or DatasetDownloadException or TaskSelectionException)
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

        settings = settings with { Strategies = strategies };
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

        if (settings.Cluster is not null)
        {
            // The silos own the LLM endpoint and the analyzers; the client only submits and follows.
            return await ClusterEvalRunner.RunAsync(settings, runId, tasks, console, cancellationToken);
        }

        var (llm, problem) = await LlmSetup.OpenAsync(LlmSetup.ChoiceOf(settings), cancellationToken);
        if (llm is null)
        {
            return CliError.Report(problem!);
        }

        await using (llm)
        {
            if (llm.Simulator is { } simulator)
            {
                console.MarkupLine($"[grey]no endpoint given: using the in-process LLM simulator at {simulator.BaseUrl} (a test double; results are marked simulated)[/]");
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
                // The secure code base starts from every loaded task's secure reference; sessions never retrieve their own task's.
                return await RunOnEmbeddedSiloAsync(settings, runId, tasks, loaded, llm, cache, console, cancellationToken);
            }
        }
    }

    private static async Task<int> RunOnEmbeddedSiloAsync(EvalSettings settings, string runId, IReadOnlyList<BenchmarkTask> tasks, IReadOnlyList<BenchmarkTask> codeBaseTasks, LlmSetup llm, SqliteResponseCache? cache, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var plan = RunPlan.Create(runId, tasks, settings.PlanOptions, llm.Model);
        foreach (var skipped in plan.Skipped)
        {
            console.MarkupLineInterpolated($"[grey]skipped {skipped}[/]");
        }

        var databasePath = Path.Combine(settings.OutputDirectory, DatabaseFile);
        IReadOnlyList<SessionInput> pending = plan.Sessions;
        IReadOnlyList<SessionResult> done = [];
        if (settings.Resume)
        {
            using var existing = new SqliteSessionStore(databasePath);
            await existing.InitializeAsync(cancellationToken);
            (pending, done) = await ResumeSupport.PendingAsync(plan.Sessions, existing, runId, cancellationToken);
            console.MarkupLineInterpolated($"[grey]resuming run {runId}: {done.Count} of {plan.Sessions.Count} sessions already stored[/]");
        }

        ResumeSupport.Record(settings, runId, plan.Sessions.Count);
        var progress = new RunProgress(pending.Select(p => p.SessionId), done.Count);
        progress.AddStoredUsage(done.Sum(SessionUsage.Tokens), done.Select(SessionUsage.CostUsd).Any(c => c is not null) ? done.Sum(r => SessionUsage.CostUsd(r) ?? 0) : null);

        var cluster = new ClusterSettings(llm.Configuration, cache, settings.AnalysisWorkers, settings.Concurrency, databasePath, codeBaseTasks, CliConfiguration.Scorer(), settings.DashboardPort);
        var results = await EmbeddedCluster.RunAsync(cluster, runId, pending, progress, p => EvalProgress.ShowAsync(p, console, cancellationToken), cancellationToken);
        var metrics = await RunOutputWriter.WriteAsync(settings.OutputDirectory, runId, results, cancellationToken);
        SummaryTable.Write(console, metrics, settings.OutputDirectory);
        console.MarkupLineInterpolated($"[grey]LLM: {metrics.Llm!.Calls} call(s), {metrics.Llm.CacheHits} from the cache{(cache is null ? " (--no-cache)" : string.Empty)}, {metrics.Llm.Retries} retries, ${metrics.Llm.CostUsd:0.####}[/]");
        foreach (var (sessionId, reason) in progress.Faulted)
        {
            console.MarkupLineInterpolated($"[red]session {sessionId} failed:[/] {reason}");
        }

        return progress.Faulted.Count == 0 ? 0 : 1;
    }
}
