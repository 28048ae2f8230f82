using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Scoring;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Grains;
using SecureGen.Silo.Hosting;

namespace SecureGen.Cli.Eval;

/// <summary>Runs a plan of sessions on a silo embedded in this process and returns their stored results.</summary>
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
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddSecureGenAnalysis(new PythonWorkerOptions { WorkerCount = settings.AnalysisWorkers })
            .AddSecureGenSandbox()
            .AddSecureGenGeneration(settings.Llm, settings.Cache)
            .AddSecureGenRetrieval(settings.CodeBaseTasks)
            .AddSecureGenStorage(settings.DatabasePath)
            .AddSecureGenScoring(new ScorerOptions())
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

            await waitForCompletion(progress);
            return await store.ListRunAsync(runId, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await host.Services.GetRequiredService<PythonWorkerPool>().DisposeAsync();
        }
    }
}
