using SecureGen.Core.Analysis;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class FdspStrategyTests
{
    private const string ThreeStrategies = "The report says the command is built by string concatenation.\n\n1. Pass the arguments as a list without a shell.\n2. Validate the host against a strict pattern.\n3. Quote the host with shlex.quote.";

    [Fact]
    public async Task A_clean_first_sample_is_returned_without_asking_for_fix_strategies()
    {
        var context = new FakeSessionContext(Samples.Input("fdsp"), Code.Secure);

        var outcome = await StrategyCatalog.Default.Create("fdsp").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 1", "analyze 1"], context.Calls);
        Assert.Equal(Verdict.Secure, outcome.Chosen!.Analysis.Verdict);
    }

    [Fact]
    public async Task FDSP_asks_once_for_strategies_and_stops_at_the_first_clean_attempt()
    {
        var context = new FakeSessionContext(Samples.Input("fdsp"), Code.ShellTrue);
        context.Answers.Enqueue(ThreeStrategies);
        // Strategy 1: three attempts, all still vulnerable; strategy 2: clean at its second attempt.
        foreach (var code in new[] { Code.ShellTrue, Code.Vulnerable("Medium"), Code.ShellTrue, Code.ShellTrue, Code.Clean(tag: "fixed"), Code.Clean(tag: "never") })
        {
            context.RefinedCodes.Enqueue(code);
        }

        var outcome = await StrategyCatalog.Default.Create("fdsp").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["generate sample 1", "analyze 1", "ask fix-strategies", "refine c0", "analyze 1", "refine c1", "analyze 1", "refine c2", "analyze 1", "refine c0", "analyze 1", "refine c4", "analyze 1"],
            context.Calls);
        Assert.Equal("c5", outcome.Chosen!.Candidate.Id);
        Assert.Equal(Verdict.Secure, outcome.Chosen.Analysis.Verdict);
        Assert.Contains("strategy 2 of 3, attempt 2 of 3", outcome.Reason, StringComparison.Ordinal);
        Assert.Single(context.RefinedCodes);
    }

    [Fact]
    public async Task The_strategy_request_carries_the_code_and_the_raw_report_and_each_refinement_its_strategy()
    {
        var context = new FakeSessionContext(Samples.Input("fdsp"), Code.ShellTrue);
        context.Answers.Enqueue(ThreeStrategies);
        context.RefinedCodes.Enqueue(Code.Clean());

        await StrategyCatalog.Default.Create("fdsp").RunAsync(context, TestContext.Current.CancellationToken);

        var ask = context.Generations.Single(g => g.Purpose == "fix-strategies");
        Assert.Contains("shell=True", ask.Text, StringComparison.Ordinal);
        Assert.Contains(">> Issue: [B602]", ask.Text, StringComparison.Ordinal);
        Assert.Contains("propose 3 distinct strategies", ask.Text, StringComparison.Ordinal);
        var refine = context.Generations.Single(g => g.ParentId == "c0");
        Assert.Contains("Pass the arguments as a list without a shell.", refine.Text, StringComparison.Ordinal);
        Assert.Contains("Location: line 2", refine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_nothing_gets_clean_FDSP_makes_J_times_K_attempts_and_returns_the_last()
    {
        var context = new FakeSessionContext(Samples.Input("fdsp"), Code.ShellTrue);
        context.Answers.Enqueue(ThreeStrategies);

        var outcome = await StrategyCatalog.Default.Create("fdsp").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(9, context.Calls.Count(c => c.StartsWith("refine", StringComparison.Ordinal)));
        Assert.Equal(1, context.Calls.Count(c => c.StartsWith("ask", StringComparison.Ordinal)));
        Assert.Equal("c9", outcome.Chosen!.Candidate.Id);
        Assert.Equal(Verdict.Vulnerable, outcome.Chosen.Analysis.Verdict);
        Assert.Equal(10, outcome.All.Count);
    }

    [Fact]
    public async Task J_and_K_are_parameters_and_an_answer_with_more_strategies_is_cut_to_J()
    {
        var context = new FakeSessionContext(Samples.Input("fdsp", new Dictionary<string, string> { ["fdsp.j"] = "2", ["fdsp.k"] = "1" }), Code.ShellTrue);
        context.Answers.Enqueue(ThreeStrategies);

        await StrategyCatalog.Default.Create("fdsp").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["refine c0", "refine c0"], context.Calls.Where(c => c.StartsWith("refine", StringComparison.Ordinal)));
        Assert.DoesNotContain(context.Generations, g => g.Text.Contains("shlex.quote", StringComparison.Ordinal) && g.ParentId is not null);
    }

    [Fact]
    public async Task An_answer_without_a_readable_list_falls_back_to_one_generic_strategy()
    {
        var context = new FakeSessionContext(Samples.Input("fdsp"), Code.ShellTrue);
        context.Answers.Enqueue("```python\nprint('no list here')\n```");

        await StrategyCatalog.Default.Create("fdsp").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(3, context.Calls.Count(c => c.StartsWith("refine", StringComparison.Ordinal)));
        Assert.Contains(context.Notes, n => n.Contains("generic strategy", StringComparison.Ordinal));
    }
}
