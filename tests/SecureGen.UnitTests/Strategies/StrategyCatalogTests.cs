using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void Every_strategy_of_the_five_papers_is_known()
    {
        Assert.Equal(
            ["analyzer-feedback", "baseline", "classify", "cwe-aware", "direct-prompting", "fdsp", "franc", "one-shot", "prompted", "repair", "repair-explained",
             "seccoder", "securecoder", "securecoder-norefine", "securecoder-noscorer", "self-debugging", "verbalized-feedback"],
            StrategyCatalog.Default.Names);
    }

    [Fact]
    public void All_expands_to_every_strategy_and_the_showcase_composite()
    {
        var all = StrategyCatalog.Default.Expand(["all"]);

        Assert.Equal(StrategyCatalog.Default.Names.Count() + 1, all.Count);
        Assert.Contains("seccoder+securecoder", all);
        Assert.All(all, name => Assert.Equal(name, StrategyCatalog.Default.Create(name).Name));
    }

    [Fact]
    public async Task Seccoder_plus_securecoder_samples_from_the_retrieved_demonstration_then_ranks_and_refines()
    {
        var context = new FakeSessionContext(Samples.Input("seccoder+securecoder", new Dictionary<string, string> { ["seccoder.retriever"] = "bm25", ["securecoder.n"] = "3" }),
            Code.ShellTrue, Code.Vulnerable("Medium"), Code.ShellTrue);
        await Corpus.FillAsync(context.CodeBase);
        context.RefinedCodes.Enqueue(Code.ShellTrue);
        context.RefinedCodes.Enqueue(Code.Clean(tag: "fixed"));

        var outcome = await StrategyCatalog.Default.Create("seccoder+securecoder").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["retrieve bm25", "generate sample 3", "analyze 3", "score 3", "refine c0", "refine c1", "refine c2", "analyze 3", "score 3"], context.Calls);
        Assert.StartsWith("Here is secure code for a similar task", context.Generations[0].Text, StringComparison.Ordinal);
        Assert.Equal("c4", outcome.Chosen!.Candidate.Id);
        Assert.Equal("c1", outcome.Chosen.Candidate.ParentId);
        // The fixed vulnerability grows the secure code base.
        Assert.Contains(await context.CodeBase.ListAsync(TestContext.Current.CancellationToken), e => e.Id == "fixed:c4");
    }

    [Theory]
    [InlineData("franc+securecoder", "'franc' is not a prompt strategy")]
    [InlineData("prompted+classify", "'classify' does not start from the task prompt")]
    [InlineData("seccoder+magic", "unknown strategy 'magic'")]
    public void Compositions_that_cannot_work_are_refused_with_a_reason(string name, string reason)
    {
        Assert.Contains(reason, StrategyCatalog.Default.Problem(name), StringComparison.Ordinal);
        Assert.Throws<UnknownStrategyException>(() => StrategyCatalog.Default.Create(name));
    }

    [Fact]
    public async Task Prompt_strategies_stack_in_the_order_written()
    {
        var context = new FakeSessionContext(Samples.Input("cwe-aware+prompted+franc", new Dictionary<string, string> { ["n"] = "2" }), Code.Secure);

        await StrategyCatalog.Default.Create("cwe-aware+prompted+franc").RunAsync(context, TestContext.Current.CancellationToken);

        var text = context.Generations[0].Text;
        Assert.True(text.IndexOf("CWE-78", StringComparison.Ordinal) < text.IndexOf("The code must be secure", StringComparison.Ordinal));
        Assert.Equal(2, context.Generations[0].Count);
    }
}
