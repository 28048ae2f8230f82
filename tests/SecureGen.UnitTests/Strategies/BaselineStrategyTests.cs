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

        var outcome = await new BaselineStrategy().RunAsync(context, TestContext.Current.CancellationToken);

        var (messages, count, purpose) = Assert.Single(context.Generations);
        Assert.Equal(1, count);
        Assert.Equal("sample", purpose);
        var message = Assert.Single(messages);
        Assert.Equal("user", message.Role);
        Assert.Contains(Samples.PromptCode.TrimEnd(), message.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("secur", message.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Verdict.Vulnerable, outcome.Chosen.Analysis.Verdict);
        Assert.Single(outcome.All);
    }
}
