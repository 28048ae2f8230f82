using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureGen.Contracts;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;
using SecureGen.Grains;
using SecureGen.Grains.Scorers;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Grains;

public sealed class SessionFlowTests : IAsyncLifetime
{
    private const string VulnerableReply = "Here:\n```python\nimport subprocess\n\ndef ping_host(host):\n    return subprocess.run('ping -c 1 ' + host, shell=True)\n```";
    private const string SafeReply = "```python\nimport subprocess\n\ndef ping_host(host):\n    return subprocess.run(['ping', '-c', '1', host])\n```";

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-flow-").FullName;
    private readonly KeywordAnalyzer _analyzer = new();
    private readonly FakeClock _clock = new();
    private readonly InMemorySecureCodeBase _codeBase = new();
    private SqliteSessionStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteSessionStore(Path.Combine(_dir, "store.db"));
        await _store.InitializeAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    private ServiceProvider Build(IChatModel model) =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(model)
            .AddSingleton<ICodeAnalyzer>(_analyzer)
            .AddSingleton<ISyntaxChecker>(_analyzer)
            .AddSingleton<ISessionStore>(_store)
            .AddSingleton(StrategyCatalog.Default)
            .AddSingleton(new SecureExampleRetrieval(_codeBase))
            .AddSingleton<TimeProvider>(_clock)
            .AddSingleton(Options.Create(new GrainOptions { ScorerBatchWindow = TimeSpan.FromMilliseconds(1) }))
            .AddMassTransitTestHarness(bus => bus.AddSecureGenGrains(GrainRoles.All, new GrainOptions()))
            .BuildServiceProvider(validateScopes: true);

    [Fact]
    public async Task A_session_passes_through_all_four_grains_and_its_result_is_stored()
    {
        await using var provider = Build(ScriptedChatModel.Always(VulnerableReply));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var input = Samples.Input();

        await harness.Bus.Publish(new StartSession(input), TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<SessionCompleted>(x => x.Context.Message.SessionId == input.SessionId, TestContext.Current.CancellationToken));
        Assert.True(await harness.Consumed.Any<StartSession>(TestContext.Current.CancellationToken));
        Assert.True(await harness.Consumed.Any<GenerateCandidates>(TestContext.Current.CancellationToken));
        Assert.True(await harness.Consumed.Any<AnalyzeCandidates>(TestContext.Current.CancellationToken));
        Assert.True(await harness.Consumed.Any<ScoreCandidates>(TestContext.Current.CancellationToken));
        Assert.True(await harness.Published.Any<CandidateAnalyzed>(TestContext.Current.CancellationToken));

        var stored = await _store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(Verdict.Vulnerable, stored.Verdict);
        Assert.Equal(78, Assert.Single(stored.Findings).Cwe);
        Assert.Contains("shell=True", stored.FinalCode, StringComparison.Ordinal);
        Assert.True(stored.Simulated);
        Assert.Equal("unscored", stored.Score.Status);
        Assert.Equal(ScorerGrain.UnscoredReason, stored.Score.Reason);
        var call = Assert.Single(stored.LlmCalls);
        Assert.Equal((10, 20), (call.PromptTokens, call.CompletionTokens));
    }

    [Fact]
    public async Task A_redelivered_session_is_answered_from_the_store_without_calling_the_model_again()
    {
        var model = ScriptedChatModel.Always(SafeReply);
        await using var provider = Build(model);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var input = Samples.Input();

        await harness.Bus.Publish(new StartSession(input), TestContext.Current.CancellationToken);
        Assert.True(await harness.Published.Any<SessionCompleted>(TestContext.Current.CancellationToken));
        await harness.Bus.Publish(new StartSession(input), TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<SessionCompleted>(x => x.Context.Message.AlreadyStored, TestContext.Current.CancellationToken));
        Assert.Single(model.Requests);
        var stored = await _store.ListRunAsync(input.RunId, TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Secure, Assert.Single(stored).Verdict);
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_an_infrastructure_failure_not_a_verdict_on_code()
    {
        await using var provider = Build(ScriptedChatModel.Failing("HTTP 503 after 3 retries"));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var input = Samples.Input();

        await harness.Bus.Publish(new StartSession(input), TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<SessionCompleted>(x => x.Context.Message.InfrastructureFailure, TestContext.Current.CancellationToken));
        var stored = await _store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("HTTP 503 after 3 retries", stored.InfrastructureFailure);
        Assert.Equal(Verdict.Unknown, stored.Verdict);
        Assert.Equal(0, _analyzer.Analyses);
    }

    [Fact]
    public async Task A_reply_whose_code_does_not_parse_ends_unparsable_and_unknown()
    {
        await using var provider = Build(ScriptedChatModel.Always("```python\ndef (broken\n```"));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var input = Samples.Input();

        await harness.Bus.Publish(new StartSession(input), TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<SessionCompleted>(TestContext.Current.CancellationToken));
        var stored = await _store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.True(stored.Unparsable);
        Assert.Equal(Verdict.Unknown, stored.Verdict);
    }

    [Fact]
    public async Task A_securecoder_session_refines_through_the_candidate_grain_and_publishes_its_refinement_pairs()
    {
        // Samples are vulnerable; any request that carries analyzer findings gets the safe answer.
        var model = new ScriptedChatModel(r => new ChatReply(
            r.Messages[^1].Content.Contains("A static analyzer found", StringComparison.Ordinal) ? SafeReply : VulnerableReply, "scripted-model", 10, 20, 5, true));
        await using var provider = Build(model);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var input = Samples.Input("securecoder", new Dictionary<string, string> { ["n"] = "2" });

        await harness.Bus.Publish(new StartSession(input), TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<SessionCompleted>(x => x.Context.Message.SessionId == input.SessionId, TestContext.Current.CancellationToken));
        var stored = await _store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(Verdict.Secure, stored.Verdict);
        Assert.Equal(4, stored.Candidates.Count);
        var refined = stored.Candidates.Where(c => c.Origin == "refined").ToList();
        Assert.Equal(2, refined.Count);
        Assert.All(refined, c => Assert.StartsWith(input.SessionId + "-c", c.ParentId, StringComparison.Ordinal));
        Assert.Equal(stored.ChosenCandidateId, refined[0].Id);
        Assert.Equal(2, stored.RefinementPairs!.Count);
        Assert.True(stored.RefinementPairs.All(p => p.FixedVulnerability));
        Assert.Equal(2, harness.Published.Select<RefinementPairProduced>(TestContext.Current.CancellationToken).Count());
        // One request with n = 2 for the samples, then one per refinement.
        Assert.Equal(3, model.Requests.Count);
        Assert.Equal(2, model.Requests.First().Samples);
        Assert.Equal(3, stored.Events!.Count(e => e.Kind == "prompt"));
        Assert.Equal("2", stored.Parameters!["securecoder.n"]);
        Assert.Equal("choice", stored.Events![^1].Kind);
        // The fixes join the secure code base (both are the same code, kept once).
        Assert.Single(await _codeBase.ListAsync(TestContext.Current.CancellationToken));
    }
}
