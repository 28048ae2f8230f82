using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class FeedbackBaselineStrategyTests
{
    [Fact]
    public async Task Direct_prompting_always_asks_whether_the_code_has_an_issue_without_any_analyzer_report()
    {
        var context = new FakeSessionContext(Samples.Input("direct-prompting"), Code.Secure);

        var outcome = await StrategyCatalog.Default.Create("direct-prompting").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 1", "analyze 1", "refine c0", "analyze 1"], context.Calls);
        var refine = context.Generations[1];
        Assert.Contains("Does this code have a security issue?", refine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bandit", refine.Text, StringComparison.Ordinal);
        Assert.Equal("c1", outcome.Chosen!.Candidate.Id);
    }

    [Fact]
    public async Task Self_debugging_has_the_model_explain_its_code_and_fixes_with_that_explanation()
    {
        var context = new FakeSessionContext(Samples.Input("self-debugging"), Code.ShellTrue);
        context.Answers.Enqueue("Line 4 runs ping through the shell with the host appended.");

        await StrategyCatalog.Default.Create("self-debugging").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 1", "analyze 1", "ask explain", "refine c0", "analyze 1"], context.Calls);
        Assert.Contains("line by line", context.Generations[1].Text, StringComparison.Ordinal);
        Assert.Contains("Line 4 runs ping through the shell", context.Generations[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("B602", context.Generations[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyzer_feedback_passes_the_raw_report_and_only_when_the_code_is_vulnerable()
    {
        var clean = new FakeSessionContext(Samples.Input("analyzer-feedback"), Code.Secure);
        await StrategyCatalog.Default.Create("analyzer-feedback").RunAsync(clean, TestContext.Current.CancellationToken);
        Assert.Equal(["generate sample 1", "analyze 1"], clean.Calls);

        var vulnerable = new FakeSessionContext(Samples.Input("analyzer-feedback", new Dictionary<string, string> { ["analyzer-feedback.iterations"] = "3" }), Code.ShellTrue);
        vulnerable.RefinedCodes.Enqueue(Code.ShellTrue);
        vulnerable.RefinedCodes.Enqueue(Code.Clean());
        var outcome = await StrategyCatalog.Default.Create("analyzer-feedback").RunAsync(vulnerable, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 1", "analyze 1", "refine c0", "analyze 1", "refine c1", "analyze 1"], vulnerable.Calls);
        Assert.Contains(">> Issue: [B602] subprocess call with shell=True", vulnerable.Generations[1].Text, StringComparison.Ordinal);
        Assert.Equal("c2", outcome.Chosen!.Candidate.Id);
    }

    [Fact]
    public async Task Verbalized_feedback_has_the_model_put_the_report_in_words_and_passes_those_words_on()
    {
        var context = new FakeSessionContext(Samples.Input("verbalized-feedback"), Code.ShellTrue);
        context.Answers.Enqueue("The host reaches a shell command unescaped; pass a list instead.");

        await StrategyCatalog.Default.Create("verbalized-feedback").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 1", "analyze 1", "ask verbalize", "refine c0", "analyze 1"], context.Calls);
        Assert.Contains(">> Issue: [B602]", context.Generations[1].Text, StringComparison.Ordinal);
        Assert.Contains("pass a list instead", context.Generations[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">> Issue", context.Generations[2].Text, StringComparison.Ordinal);
    }
}
