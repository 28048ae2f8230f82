using System.Data.Common;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Cli.Output;
using SecureGen.Contracts;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Reporting;
using SecureGen.Core.Storage;
using SecureGen.Grains;
using SecureGen.Silo.Hosting;
using Spectre.Console;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Runs an evaluation on a running cluster: publishes the planned sessions to RabbitMQ and
/// follows the cluster's store until every session is stored or recorded as failed, then
/// writes the same output files as the embedded mode.
/// </summary>
internal static class ClusterEvalRunner
{
    public static async Task<int> RunAsync(EvalSettings settings, string runId, IReadOnlyList<BenchmarkTask> tasks, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(settings.Database))
        {
            return CliError.Report("--cluster needs --db: the cluster's PostgreSQL, where silos store results");
        }

        RabbitMqAddress broker;
        try
        {
            broker = RabbitMqAddress.Parse(settings.Cluster!);
        }
        catch (ArgumentException e)
        {
            return CliError.Report(e.Message);
        }

        if (await FindBrokerProblemAsync(broker, cancellationToken) is { } problem)
        {
            return CliError.Report(problem);
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
        var plan = RunPlan.Create(runId, tasks, settings, settings.Model ?? string.Empty);
        ResumeSupport.Record(settings, runId, plan.Sessions.Count);
        foreach (var skipped in plan.Skipped)
        {
            console.MarkupLineInterpolated($"[grey]skipped {skipped}[/]");
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSecureGenCluster(GrainRoles.None, settings.Cluster, new GrainOptions());
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            // On --resume every session is submitted again: silos answer stored ones from the store without new work.
            foreach (var input in plan.Sessions)
            {
                await bus.Publish(new StartSession(input), cancellationToken);
            }

            console.MarkupLineInterpolated($"[grey]submitted {plan.Sessions.Count} sessions of {runId} to {broker.Host}:{broker.Port}[/]");
            var faults = await FollowAsync(store, runId, plan.Sessions.Count, console, cancellationToken);
            var results = await store.ListRunAsync(runId, cancellationToken);
            var metrics = await RunOutputWriter.WriteAsync(settings.OutputDirectory, runId, results, cancellationToken);
            SummaryTable.Write(console, metrics, settings.OutputDirectory);
            foreach (var fault in faults)
            {
                console.MarkupLineInterpolated($"[red]session {fault.SessionId} failed:[/] {fault.Reason}");
            }

            return faults.Count == 0 ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>Polls the store: the cluster's source of truth, whichever silo finished a session and however often it was redelivered.</summary>
    private static async Task<IReadOnlyList<SessionFault>> FollowAsync(SqlSessionStore store, string runId, int planned, IAnsiConsole console, CancellationToken cancellationToken)
    {
        IReadOnlyList<SessionFault> faults = [];
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("sessions", maxValue: planned);
                while (true)
                {
                    var stored = await store.CountRunAsync(runId, cancellationToken);
                    faults = await store.ListFaultsAsync(runId, cancellationToken);
                    bar.Value = Math.Min(planned, stored + faults.Count);
                    if (stored + faults.Count >= planned)
                    {
                        break;
                    }

                    await Task.Delay(250, cancellationToken);
                }
            });
        return faults;
    }

    private static async Task<string?> FindBrokerProblemAsync(RabbitMqAddress broker, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await tcp.ConnectAsync(broker.Host, broker.Port, timeout.Token);
            return null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"cannot reach the cluster's RabbitMQ at {broker.Host}:{broker.Port}: {e.Message}";
        }
    }
}
