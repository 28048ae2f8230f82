using SecureGen.Core.Analysis;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class FrancStrategyTests
{
    [Fact]
    public async Task Franc_samples_ten_ranks_by_the_analyzers_only_and_never_refines()
    {
        var context = new FakeSessionContext(Samples.Input("franc"), Code.Vulnerable("High"), Code.Crash, Code.Vulnerable("Medium"), Code.Clean(tag: "x"));

        var outcome = await StrategyCatalog.Default.Create("franc").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal(["generate sample 10", "analyze 10"], context.Calls);
        Assert.Equal("c3", outcome.Chosen!.Candidate.Id);
        Assert.Equal(10, outcome.All.Count);
    }

    [Fact]
    public async Task When_every_sample_is_vulnerable_franc_returns_the_least_severe()
    {
        var context = new FakeSessionContext(Samples.Input("franc", new Dictionary<string, string> { ["n"] = "3" }), Code.Vulnerable("High", 1), Code.Vulnerable("Medium", 2), Code.Vulnerable("Medium", 1));

        var outcome = await StrategyCatalog.Default.Create("franc").RunAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal("c2", outcome.Chosen!.Candidate.Id);
        Assert.Equal(Verdict.Vulnerable, outcome.Chosen.Analysis.Verdict);
    }
}
