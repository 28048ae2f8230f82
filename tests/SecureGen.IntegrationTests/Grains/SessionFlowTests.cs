using Microsoft.Extensions.DependencyInjection;
using SecureGen.Core.Analysis;
using SecureGen.Core.Generation;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Scorers;
using static SecureGen.IntegrationTests.Grains.GrainTestInputs;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>Sessions through the grains of a two-silo TestingHost cluster: run, session, candidate, analyzer and scorer grains.</summary>
public sealed class SessionFlowTests
{
    private readonly KeywordAnalyzer _analyzer = new();

    private Task<GrainCluster> StartAsync(IChatModel model) =>
        GrainCluster.StartAsync(["all", "all"], (_, services) => services
            .AddSingleton(model)
            .AddSingleton<ICodeAnalyzer>(_analyzer)
            .AddSingleton<ISyntaxChecker>(_analyzer));

    [Fact]
    public async Task A_session_passes_through_the_grains_and_its_result_is_stored()
    {
        await using var cluster = await StartAsync(ScriptedChatModel.Always(VulnerableReply));
        var runId = NewRunId();
        var input = Input(runId);

        var status = await cluster.RunAsync(runId, [input]);

        Assert.True(status.IsFinished);
        Assert.Equal((1, 0), (status.Completed, status.Faulted));
        var stored = await cluster.Store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(Verdict.Vulnerable, stored.Verdict);
        Assert.Equal(78, Assert.Single(stored.Findings).Cwe);
        Assert.Contains("shell=True", stored.FinalCode, StringComparison.Ordinal);
        Assert.True(stored.Simulated);
        Assert.Equal("unscored", stored.Score.Status);
        Assert.Equal(ScorerGrain.UnscoredReason, stored.Score.Reason);
        var call = Assert.Single(stored.LlmCalls);
        Assert.Equal((10, 20), (call.PromptTokens, call.CompletionTokens));
        Assert.Equal(30, status.Tokens);
    }

    [Fact]
    public async Task A_session_started_again_is_answered_from_its_state_without_calling_the_model_again()
    {
        var model = ScriptedChatModel.Always(SafeReply);
        await using var cluster = await StartAsync(model);
        var runId = NewRunId();
        var input = Input(runId);
        await cluster.RunAsync(runId, [input]);

        var again = await cluster.Client.GetGrain<ISessionGrain>(input.SessionId).StartAsync(input);

        Assert.Equal(SessionPhase.Completed, again.Phase);
        Assert.Equal(Verdict.Secure, again.Completion!.Verdict);
        Assert.Single(model.Requests);
        Assert.Equal(Verdict.Secure, Assert.Single(await cluster.Store.ListRunAsync(runId, TestContext.Current.CancellationToken)).Verdict);
    }

    [Fact]
    public async Task An_endpoint_that_keeps_failing_is_an_infrastructure_failure_not_a_verdict_on_code()
    {
        await using var cluster = await StartAsync(ScriptedChatModel.Failing("HTTP 503 after 3 retries"));
        var runId = NewRunId();
        var input = Input(runId);

        var status = await cluster.RunAsync(runId, [input]);

        Assert.Equal(1, status.Completed);
        var stored = await cluster.Store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("HTTP 503 after 3 retries", stored.InfrastructureFailure);
        Assert.Equal(Verdict.Unknown, stored.Verdict);
        Assert.Equal("HTTP 503 after 3 retries", Assert.Single(stored.LlmCalls).Error);
        Assert.Equal(0, _analyzer.Analyses);
    }

    [Fact]
    public async Task A_reply_whose_code_does_not_parse_ends_unparsable_and_unknown()
    {
        await using var cluster = await StartAsync(ScriptedChatModel.Always("```python\ndef (broken\n```"));
        var runId = NewRunId();
        var input = Input(runId);

        await cluster.RunAsync(runId, [input]);

        var stored = await cluster.Store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.True(stored.Unparsable);
        Assert.Equal(Verdict.Unknown, stored.Verdict);
    }

    [Fact]
    public async Task A_poison_session_becomes_a_fault_record_and_the_rest_of_the_run_completes()
    {
        await using var cluster = await StartAsync(ScriptedChatModel.Always(SafeReply));
        var runId = NewRunId();
        var poison = Input(runId, "no-such-strategy");
        var healthy = Input(runId, "baseline");

        var status = await cluster.RunAsync(runId, [poison, healthy]);

        Assert.True(status.IsFinished);
        Assert.Equal((1, 1), (status.Completed, status.Faulted));
        var fault = Assert.Single(await cluster.Store.ListFaultsAsync(runId, TestContext.Current.CancellationToken));
        Assert.Equal(poison.SessionId, fault.SessionId);
        Assert.Contains("unknown strategy 'no-such-strategy'", fault.Reason, StringComparison.Ordinal);
        Assert.Equal(healthy.SessionId, Assert.Single(await cluster.Store.ListRunAsync(runId, TestContext.Current.CancellationToken)).SessionId);
    }

    [Fact]
    public async Task A_securecoder_session_refines_its_candidates_over_streams_and_keeps_the_refinement_pairs()
    {
        // Samples are vulnerable; any request that carries analyzer findings gets the safe answer.
        var model = new ScriptedChatModel(r => new ChatReply(
            r.Messages[^1].Content.Contains("A static analyzer found", StringComparison.Ordinal) ? SafeReply : VulnerableReply, "scripted-model", 10, 20, 5, true));
        await using var cluster = await StartAsync(model);
        var runId = NewRunId();
        var input = Input(runId, "securecoder", parameters: new Dictionary<string, string> { ["n"] = "2" });

        await cluster.RunAsync(runId, [input]);

        var stored = await cluster.Store.FindAsync(input.SessionId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(Verdict.Secure, stored.Verdict);
        Assert.Equal(4, stored.Candidates.Count);
        var refined = stored.Candidates.Where(c => c.Origin == "refined").ToList();
        Assert.Equal(2, refined.Count);
        Assert.All(refined, c => Assert.StartsWith(input.SessionId + "-c", c.ParentId, StringComparison.Ordinal));
        Assert.Equal(stored.ChosenCandidateId, refined[0].Id);
        Assert.Equal(2, stored.RefinementPairs!.Count);
        Assert.True(stored.RefinementPairs.All(p => p.FixedVulnerability));
        // One request with n = 2 for the samples, then one per refinement.
        Assert.Equal(3, model.Requests.Count);
        Assert.Equal(2, model.Requests.First().Samples);
        Assert.Equal("2", stored.Parameters!["securecoder.n"]);
        Assert.Equal("choice", stored.Events![^1].Kind);
    }
}
