using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class TracingSessionContextTests
{
    [Fact]
    public async Task The_trace_holds_every_prompt_candidate_analysis_score_refinement_and_decision_in_order()
    {
        var fake = new FakeSessionContext(Samples.Input("securecoder", new Dictionary<string, string> { ["n"] = "2" }), Code.Clean(0.5), Code.ShellTrue);
        fake.RefinedCodes.Enqueue(Code.Clean(0.1));
        var trace = new TracingSessionContext(fake);

        var outcome = await StrategyCatalog.Default.Create("securecoder").RunAsync(trace, TestContext.Current.CancellationToken);
        trace.RecordChoice(outcome);

        var kinds = trace.Events.Select(e => e.Kind).ToList();
        Assert.Equal(["prompt", "analysis", "analysis", "score", "score", "note", "note", "prompt", "analysis", "score", "refinement", "note", "choice"], kinds);
        Assert.Equal(Enumerable.Range(1, kinds.Count), trace.Events.Select(e => e.Seq));
        var refine = trace.Events[7];
        Assert.Equal("c1", refine.ParentId);
        Assert.Equal(["c2"], refine.CandidateIds);
        Assert.Contains("shell=True", refine.Messages![0].Content, StringComparison.Ordinal);
        Assert.Equal(TracingSessionContext.PromptHash(refine.Messages), refine.PromptSha256);
        Assert.Equal("B602", Assert.Single(trace.Events[2].Findings!).RuleId);
        Assert.Equal(["c2"], trace.Events[^1].CandidateIds);
        Assert.Contains("top of 3 ranked candidates", trace.Events[^1].Text, StringComparison.Ordinal);
        Assert.Single(trace.RefinementPairs);
    }

    [Fact]
    public async Task Scoring_runs_beside_analysis_and_the_trace_keeps_analysis_first_whichever_answers_first()
    {
        var fake = new FakeSessionContext(Samples.Input("baseline", null), Code.Secure, Code.ShellTrue);
        var analysisHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.AnalysisGate = analysisHeld.Task;
        var trace = new TracingSessionContext(fake);
        var candidates = await trace.GenerateAsync([new("user", "p")], 2, "generate", TestContext.Current.CancellationToken);

        var evaluation = CandidateEvaluation.EvaluateAsync(trace, candidates, score: true, TestContext.Current.CancellationToken);
        // Scoring was asked (and answered) while the analysis is still held back.
        Assert.Equal(["generate generate 2", "analyze 2", "score 2"], fake.Calls);
        Assert.Equal(["prompt", "score", "score"], trace.Events.Select(e => e.Kind));
        analysisHeld.SetResult();
        var evaluated = await evaluation;

        Assert.Equal(["prompt", "analysis", "analysis", "score", "score"], trace.Events.Select(e => e.Kind));
        Assert.Equal([1, 2, 3, 4, 5], trace.Events.Select(e => e.Seq));
        Assert.Equal(2, evaluated.Count);
    }

    [Fact]
    public async Task With_prompt_storage_off_only_the_sha256_of_each_prompt_is_kept()
    {
        var fake = new FakeSessionContext(Samples.Input("baseline", null, storePrompts: false), Code.Secure);
        var trace = new TracingSessionContext(fake);

        await StrategyCatalog.Default.Create("baseline").RunAsync(trace, TestContext.Current.CancellationToken);

        var prompt = trace.Events.Single(e => e.Kind == "prompt");
        Assert.Null(prompt.Messages);
        Assert.Equal(TracingSessionContext.PromptHash(fake.Generations[0].Messages), prompt.PromptSha256);
        Assert.Equal(64, prompt.PromptSha256!.Length);
    }
}
