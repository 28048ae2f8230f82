using SecureGen.Core.Analysis;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class SecureCoderStrategyTests
{
    private static readonly string[] TenSamples =
    [
        Code.Vulnerable("High", 1, 0.5), Code.Vulnerable("Medium", 2, 0.4), Code.Clean(0.7, "a"), Code.Crash, Code.Vulnerable("High", 1, 0.6),
        Code.Clean(0.6, "b"), Code.Unparsable, Code.Clean(0.9, "c"), Code.Vulnerable("Medium", 1, 0.1), Code.Clean(0.8, "d"),
    ];

    [Fact]
    public async Task Samples_ten_analyses_and_scores_them_then_refines_each_vulnerable_one_in_a_new_conversation_and_reranks()
    {
        var context = new FakeSessionContext(Samples.Input("securecoder"), TenSamples);
        // The four vulnerable samples (c0, c1, c4, c8) are refined in sampling order; the third refinement is clean with the best score.
        context.RefinedCodes.Enqueue(Code.Vulnerable("Medium", 1, 0.3));
        context.RefinedCodes.Enqueue(Code.Vulnerable("Low", 1, 0.2));
        context.RefinedCodes.Enqueue(Code.Clean(0.05, "refined"));
        context.RefinedCodes.Enqueue(Code.Vulnerable("High", 1, 0.9));

        var outcome = await StrategyCatalog.Default.Create("securecoder").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 10", "analyze 10", "score 10", "refine c0", "refine c1", "refine c4", "refine c8", "analyze 4", "score 4"], context.Calls);
        Assert.Equal("c12", outcome.Chosen!.Candidate.Id);
        Assert.Equal("refined", outcome.Chosen.Candidate.Origin);
        Assert.Equal("c4", outcome.Chosen.Candidate.ParentId);
        Assert.Equal(14, outcome.All.Count);
        Assert.Equal(4, context.Pairs.Count);
        Assert.Equal(["c0", "c1", "c4", "c8"], context.Pairs.Select(p => p.BeforeId));
        Assert.Equal(["c1", "c4"], context.Pairs.Where(p => p.FixedVulnerability).Select(p => p.BeforeId));
    }

    [Fact]
    public async Task A_refinement_message_is_a_new_conversation_with_the_task_the_code_and_every_finding_with_rule_cwe_and_lines()
    {
        var context = new FakeSessionContext(Samples.Input("securecoder", new Dictionary<string, string> { ["n"] = "2" }), Code.Clean(tag: "x"), Code.Vulnerable("High", 2, cwe: 89, rule: "B608"));

        await StrategyCatalog.Default.Create("securecoder").RunAsync(context, TestContext.Current.CancellationToken);

        var refine = Assert.Single(context.Generations, g => g.ParentId is not null);
        Assert.Equal("c1", refine.ParentId);
        var message = Assert.Single(refine.Messages);
        Assert.Equal("user", message.Role);
        Assert.Contains("def ping_host(host: str) -> str:", message.Content, StringComparison.Ordinal);
        Assert.Contains("# finding B608 cwe=89 High line=3", message.Content, StringComparison.Ordinal);
        Assert.Contains("B608 (CWE-89 (SQL Injection)), High severity, line 3: B608 issue", message.Content, StringComparison.Ordinal);
        Assert.Contains("line 4", message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(context.Generations[0].Messages, m => m.Role == "assistant");
    }

    [Fact]
    public async Task Without_refinement_the_ablation_never_regenerates_and_returns_the_best_sample()
    {
        var context = new FakeSessionContext(Samples.Input("securecoder-norefine"), TenSamples);

        var outcome = await StrategyCatalog.Default.Create("securecoder-norefine").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 10", "analyze 10", "score 10"], context.Calls);
        Assert.Equal("c5", outcome.Chosen!.Candidate.Id);
        Assert.Empty(context.Pairs);
    }

    [Fact]
    public async Task Without_the_scorer_the_ablation_never_calls_it_and_ties_keep_sampling_order()
    {
        var context = new FakeSessionContext(Samples.Input("securecoder-noscorer"), TenSamples);

        var outcome = await StrategyCatalog.Default.Create("securecoder-noscorer").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(context.Calls, c => c.StartsWith("score", StringComparison.Ordinal));
        Assert.Equal(4, context.Calls.Count(c => c.StartsWith("refine", StringComparison.Ordinal)));
        Assert.Equal("c2", outcome.Chosen!.Candidate.Id);
        Assert.Equal("unscored", outcome.Chosen.Score.Status);
    }

    [Fact]
    public async Task N_is_a_parameter_and_unknown_or_unparsable_samples_are_not_refined()
    {
        var context = new FakeSessionContext(Samples.Input("securecoder", new Dictionary<string, string> { ["securecoder.n"] = "3" }), Code.Crash, Code.Unparsable, Code.Vulnerable("Low"));

        var outcome = await StrategyCatalog.Default.Create("securecoder").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 3", "analyze 3", "score 3"], context.Calls);
        Assert.Equal(Verdict.Secure, outcome.Chosen!.Analysis.Verdict);
        Assert.Equal("3", context.Parameters.Used["securecoder.n"]);
    }
}
