using SecureGen.Core.Analysis;
using SecureGen.Core.Strategies;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Strategies;

public sealed class BaselineStrategyTests
{
    [Fact]
    public async Task Baseline_asks_once_for_one_completion_of_the_task_prompt_and_returns_it_as_is()
    {
        var context = new FakeSessionContext(Samples.Input(), "def ping_host(h):\n    return subprocess.run(h, shell=True)\n");

        var outcome = await StrategyCatalog.Default.Create("baseline").RunAsync(context, TestContext.Current.CancellationToken);

        var call = Assert.Single(context.Generations);
        Assert.Equal(1, call.Count);
        Assert.Equal("sample", call.Purpose);
        var message = Assert.Single(call.Messages);
        Assert.Equal("user", message.Role);
        Assert.Contains(Samples.PromptCode.TrimEnd(), message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("secur", message.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["generate sample 1", "analyze 1", "score 1"], context.Calls);
        Assert.Equal(Verdict.Vulnerable, outcome.Chosen!.Analysis.Verdict);
        Assert.Single(outcome.All);
    }
}
