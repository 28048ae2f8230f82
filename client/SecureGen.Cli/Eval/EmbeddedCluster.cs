using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Core.Analysis;
using SecureGen.Core.Scoring;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Grains;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;
using Orleans.Dashboard;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Eval;

/// <summary>Runs a plan of sessions on an Orleans silo embedded in this process (loopback, memory state, SQLite results) and returns their stored results.</summary>
internal static class EmbeddedCluster
{
    public static async Task<IReadOnlyList<SessionResult>> RunAsync(
        ClusterSettings settings,
        string runId,
        IReadOnlyList<SessionInput> plan,
        RunProgress progress,
        Func<RunProgress, Task> waitForCompletion,
        CancellationToken cancellationToken)
    {
        // With --dashboard the silo is a web app serving the Orleans dashboard on loopback; otherwise a plain host.
        IHostApplicationBuilder builder = settings.DashboardPort is { } port ? WebDashboardBuilder(port) : Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        // Orleans' start-up notes (GC mode, short reminder periods) are for operators of long-lived silos, not a CLI run.
        builder.Logging.AddFilter("Orleans", LogLevel.Error);
        builder.Services
            .AddSecureGenAnalysis(new PythonWorkerOptions { WorkerCount = settings.AnalysisWorkers })
            .AddSecureGenSandbox()
            .AddSecureGenGeneration(settings.Llm, settings.Cache)
            .AddSecureGenRetrieval(settings.CodeBaseTasks)
            .AddSecureGenStorage(settings.DatabasePath)
            .AddSecureGenScoring(settings.Scorer);
        var traced = builder.AddSecureGenTelemetryIfConfigured("securegen-eval", "all");
        builder.AddSecureGenOrleans(SiloSettings(settings.DashboardPort, traced), new GrainOptions());

        using var host = Build(builder);
        var store = host.Services.GetRequiredService<ISessionStore>();
        await store.InitializeAsync(cancellationToken);
        await host.StartAsync(cancellationToken);
        try
        {
            var client = host.Services.GetRequiredService<IClusterClient>();
            var follow = RunFollower.RunAsync(client, store, new RunSubmission(plan, settings.Concurrency), runId, progress, cancellationToken);
            await Task.WhenAll(follow, waitForCompletion(progress));
            return await store.ListRunAsync(runId, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await host.Services.GetRequiredService<PythonWorkerPool>().DisposeAsync();
        }
    }

    /// <summary>
    /// Every grain role, but not "api": an api silo always loads the dashboard, whose per-call profiler filter and
    /// metric collection cost CPU on every grain call of the run; here it is loaded only with --dashboard.
    /// </summary>
    internal static OrleansSettings SiloSettings(int? dashboardPort, bool traced) => new()
    {
        Roles = string.Join(',', SiloRole.Session, SiloRole.Candidate, SiloRole.Analyzer, SiloRole.Scorer),
        SiloName = "embedded",
        Dashboard = dashboardPort is not null,
        TraceGrainCalls = traced,
    };

    private static WebApplicationBuilder WebDashboardBuilder(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        return builder;
    }

    private static IHost Build(IHostApplicationBuilder builder)
    {
        if (builder is not WebApplicationBuilder web)
        {
            return ((HostApplicationBuilder)builder).Build();
        }

        var app = web.Build();
        app.MapOrleansDashboard(SiloApplicationExtensions.DashboardPath);
        return app;
    }
}
