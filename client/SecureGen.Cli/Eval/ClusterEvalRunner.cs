using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using SecureGen.Cli.Output;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Grains.Interfaces;
using SecureGen.Silo.Hosting;
using Spectre.Console;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Runs an evaluation on a running cluster: joins it as an Orleans client (through its Redis membership), submits
/// the plan to the run's grain, follows it, then writes the same output files as the embedded mode from the
/// cluster's results store.
/// </summary>
internal static class ClusterEvalRunner
{
    public static async Task<int> RunAsync(EvalSettings settings, string runId, IReadOnlyList<BenchmarkTask> tasks, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.Database))
        {
            return CliError.Report("--cluster needs --db (or SECUREGEN_DB): the cluster's PostgreSQL, where silos store results");
        }

        StackExchange.Redis.ConfigurationOptions redis;
        try
        {
            redis = ClusterAddress.Parse(settings.Cluster!);
        }
        catch (ArgumentException e)
        {
            return CliError.Report(e.Message);
        }

        var store = SessionStores.Open(settings.Database);
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (DbException e)
        {
            return CliError.Report($"cannot use the cluster database: {e.Message}");
        }

        // Silos own the endpoints; sessions ask for the model the user named, else the silos' default.
        var plan = RunPlan.Create(runId, tasks, settings.PlanOptions, settings.Model ?? string.Empty);
        ResumeSupport.Record(settings, runId, plan.Sessions.Count);
        foreach (var skipped in plan.Skipped)
        {
            console.MarkupLineInterpolated($"[grey]skipped {skipped}[/]");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        // Orleans' start-up notes (GC mode, short reminder periods) are for operators of long-lived silos, not a CLI run.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Services.AddSecureGenSerialization();
        var traced = builder.AddSecureGenTelemetryIfConfigured("securegen-eval-client");
        builder.UseOrleansClient(client =>
        {
            client
                .UseRedisClustering(o => o.ConfigurationOptions = redis)
                .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (OrleansHostExtensions.ClusterId, OrleansHostExtensions.ClusterId))
                    .AddMemoryStreams(StreamNames.Provider);
            if (traced)
            {
                client.AddActivityPropagation();
            }
        });
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return CliError.Report($"cannot join the cluster at {settings.Cluster}: {e.Message}");
        }

        try
        {
            var client = host.Services.GetRequiredService<IClusterClient>();
            var progress = new RunProgress(plan.Sessions.Select(s => s.SessionId));
            // On --resume the whole plan is submitted again: the run grain and the sessions skip what is stored.
            var follow = RunFollower.RunAsync(client, store, new RunSubmission(plan.Sessions, settings.Concurrency), runId, progress, cancellationToken);
            console.MarkupLineInterpolated($"[grey]submitted {plan.Sessions.Count} sessions of {runId} to the cluster at {settings.Cluster}[/]");
            await Task.WhenAll(follow, EvalProgress.ShowAsync(progress, console, cancellationToken));
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
            (store as IDisposable)?.Dispose();
        }
    }
}
