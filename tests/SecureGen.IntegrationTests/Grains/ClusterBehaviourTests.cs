using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streams.Filtering;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Configuration;
using SecureGen.Grains.Interfaces;
using SecureGen.IntegrationTests.Support;
using SecureGen.Silo.Hosting;
using SecureGen.Simulator;
using static SecureGen.IntegrationTests.Grains.GrainTestInputs;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>What the cluster promises across silos: role placement of pools, one endpoint budget, resume after a silo dies, and refinement that survives a lost event.</summary>
public sealed class ClusterBehaviourTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Analyzer_grains_run_as_a_pool_on_the_analyzer_silo_only()
    {
        var analyzers = new ConcurrentDictionary<string, SlowAnalyzer>();
        await using var cluster = await GrainCluster.StartAsync(["session,candidate,scorer", "analyzer"], (roles, services) =>
        {
            var analyzer = analyzers.GetOrAdd(string.Join(',', roles.Names), _ => new SlowAnalyzer());
            services.AddSingleton<ICodeAnalyzer>(analyzer).AddSingleton<ISyntaxChecker>(analyzer).AddSingleton<IChatModel>(ScriptedChatModel.Always(SafeReply));
        });
        var runId = NewRunId();

        var status = await cluster.RunAsync(runId, Inputs(runId, 12), maxInFlight: 12);

        Assert.Equal(12, status.Completed);
        Assert.Equal(12, analyzers["analyzer"].Analyses);
        Assert.Equal(0, analyzers["session,candidate,scorer"].Analyses);
        // Stateless workers: more than one activation served the silo's requests at once.
        Assert.True(analyzers["analyzer"].MaxConcurrent >= 2, $"at most {analyzers["analyzer"].MaxConcurrent} analysis at a time");
    }

    [Fact]
    public async Task Two_silos_together_keep_to_one_endpoint_budget()
    {
        await using var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { LatencyMs = 150 }, TestContext.Current.CancellationToken);
        var analyzer = new KeywordAnalyzer();
        var llm = new LlmConfiguration
        {
            Endpoints = [new LlmEndpointOptions { BaseUrl = simulator.BaseUrl, Model = SimulatorServer.ModelName, ApiKey = "not-needed", MaxConcurrency = 2 }],
            DefaultModel = SimulatorServer.ModelName,
            Source = "test",
        };
        await using var cluster = await GrainCluster.StartAsync(["all", "all"], (_, services) => services
            .AddSingleton<ICodeAnalyzer>(analyzer)
            .AddSingleton<ISyntaxChecker>(analyzer)
            .AddSecureGenGeneration(llm, cache: null));
        var runId = NewRunId();

        var status = await cluster.RunAsync(runId, Inputs(runId, 16), maxInFlight: 16);

        Assert.Equal(16, status.Completed);
        Assert.Equal(16, simulator.Statistics.ChatRequests);
        // Each silo alone would allow 2 at once (4 together); the shared budget allows 2 for the cluster.
        Assert.Equal(2, simulator.Statistics.MaxInFlight);
    }

    [Fact]
    public async Task A_session_whose_silo_dies_resumes_on_another_silo_and_is_stored_once()
    {
        redis.RequireRunning();
        var hanging = new HangingChatModel();
        var sessionSilos = 0;
        var analyzer = new KeywordAnalyzer();
        // The first silo only analyzes and scores, so every run, session and candidate grain lives on the second,
        // whose model never answers; once it dies, a third silo with a working model must finish them all.
        await using var cluster = await GrainCluster.StartAsync(["analyzer,scorer", "all", "all"], (roles, services) =>
        {
            IChatModel model = roles.Has("candidate") && Interlocked.Increment(ref sessionSilos) == 1 ? hanging : ScriptedChatModel.Always(SafeReply);
            services.AddSingleton(model).AddSingleton<ICodeAnalyzer>(analyzer).AddSingleton<ISyntaxChecker>(analyzer);
        }, redis: redis.Redis, silos: 2);
        var runId = NewRunId();
        var inputs = Inputs(runId, 12);
        await cluster.Client.GetGrain<IRunGrain>(runId).SubmitAsync(new RunSubmission(inputs, 12));
        using (var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (hanging.Requests < 12 && !waiting.IsCancellationRequested)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(12, hanging.Requests);
        var victim = cluster.Cluster.Silos.Single(s => ReferenceEquals(s.ServiceProvider.GetService<IChatModel>(), hanging));
        await cluster.Cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);
        await cluster.Cluster.StartAdditionalSiloAsync();
        var status = await cluster.RunAsync(runId, inputs, maxInFlight: 12, within: TimeSpan.FromSeconds(90));

        Assert.True(status.IsFinished, $"{status.Finished} of {status.Planned} sessions ended after the silo died");
        var stored = await cluster.Store.ListRunAsync(runId, TestContext.Current.CancellationToken);
        Assert.Equal(inputs.Select(i => i.SessionId).Order(), stored.Select(r => r.SessionId).Order());
        Assert.All(stored, r => Assert.Equal(Verdict.Secure, r.Verdict));
    }

    [Fact]
    public async Task A_refinement_whose_feedback_event_is_lost_still_completes_the_session()
    {
        var model = new ScriptedChatModel(r => new ChatReply(
            r.Messages[^1].Content.Contains("A static analyzer found", StringComparison.Ordinal) ? SafeReply : VulnerableReply, "scripted-model", 10, 20, 5, true));
        var analyzer = new KeywordAnalyzer();
        await using var cluster = await GrainCluster.StartAsync(["all", "all"], (_, services) => services
                .AddSingleton<IChatModel>(model).AddSingleton<ICodeAnalyzer>(analyzer).AddSingleton<ISyntaxChecker>(analyzer),
            silo: s => s.AddStreamFilter<DropFirstFeedback>(StreamNames.Provider));
        var runId = NewRunId();
        var input = Input(runId, "securecoder", parameters: new Dictionary<string, string> { ["n"] = "2" });

        await cluster.RunAsync(runId, [input]);

        Assert.Equal(1, DropFirstFeedback.Dropped);
        var stored = await cluster.Store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(Verdict.Secure, stored.Verdict);
        Assert.Equal(2, stored.Candidates.Count(c => c.Origin == "refined"));
        // The lost event cost a direct re-ask, not a second model call: samples, then one call per refinement.
        Assert.Equal(3, model.Requests.Count);
    }

    /// <summary>A model whose calls never return (a silo stuck mid-session), counting them.</summary>
    private sealed class HangingChatModel : IChatModel
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public async Task<ChatReply> CompleteAsync(ChatRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException();
        }
    }

    /// <summary>Counts analyses and the most running at once; each takes a moment, so concurrency shows.</summary>
    private sealed class SlowAnalyzer : ICodeAnalyzer, ISyntaxChecker
    {
        private readonly KeywordAnalyzer _inner = new();
        private int _running;
        private int _maxConcurrent;
        private int _analyses;

        public int Analyses => Volatile.Read(ref _analyses);

        public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

        public async Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _analyses);
            var now = Interlocked.Increment(ref _running);
            int seen;
            while ((seen = Volatile.Read(ref _maxConcurrent)) < now && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
            {
            }

            try
            {
                await Task.Delay(150, cancellationToken);
                return await _inner.AnalyzeAsync(code, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public Task<string?> FindSyntaxErrorAsync(string code, CancellationToken cancellationToken) => _inner.FindSyntaxErrorAsync(code, cancellationToken);
    }

    /// <summary>Drops the first refinement feedback event in the cluster, as a memory stream under load may.</summary>
    private sealed class DropFirstFeedback : IStreamFilter
    {
        private static int _dropped;

        public static int Dropped => Volatile.Read(ref _dropped);

        public bool ShouldDeliver(StreamId streamId, object item, string? filterData) =>
            item is not RefinementRequested || Interlocked.CompareExchange(ref _dropped, 1, 0) != 0;
    }
}
