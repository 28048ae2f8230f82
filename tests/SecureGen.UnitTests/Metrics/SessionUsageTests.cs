using SecureGen.Core.Analysis;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Metrics;

public sealed class SessionUsageTests
{
    [Fact]
    public void Cost_is_the_sum_the_price_table_charged_and_reaches_the_strategy_metrics()
    {
        var priced = Samples.Result("baseline", Verdict.Secure) with
        {
            LlmCalls = [new LlmCall("sample", "m", 100, 50, 10, false, CostUsd: 0.25), new LlmCall("refine", "m", 10, 5, 10, false, CostUsd: 0.5, Cached: false)],
        };

        Assert.Equal(0.75, SessionUsage.CostUsd(priced));
        Assert.Equal(165, SessionUsage.Tokens(priced));
        Assert.Equal(0.75, Assert.Single(MetricsCalculator.PerStrategy([priced])).CostUsd);
    }

    [Fact]
    public void Calls_nobody_charged_for_leave_the_cost_unknown_rather_than_zero()
    {
        var unpriced = Samples.Result("baseline", Verdict.Secure);

        Assert.Null(SessionUsage.CostUsd(unpriced));
        Assert.Null(Assert.Single(MetricsCalculator.PerStrategy([unpriced])).CostUsd);
    }
}
