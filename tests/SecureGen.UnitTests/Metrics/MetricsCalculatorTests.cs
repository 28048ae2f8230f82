using SecureGen.Core.Analysis;
using SecureGen.Core.Metrics;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Metrics;

public sealed class MetricsCalculatorTests
{
    [Fact]
    public void Rates_are_shares_of_judged_sessions_and_infrastructure_failures_are_counted_apart()
    {
        var results = new[]
        {
            Samples.Result("baseline", Verdict.Secure, sample: 0),
            Samples.Result("baseline", Verdict.Secure, sample: 1),
            Samples.Result("baseline", Verdict.Vulnerable, sample: 2),
            Samples.Result("baseline", Verdict.Unknown, unparsable: true, sample: 3),
            Samples.Result("baseline", Verdict.Unknown, infrastructureFailure: "endpoint down", sample: 4),
        };

        var m = Assert.Single(MetricsCalculator.PerStrategy(results));
        Assert.Equal(5, m.Sessions);
        Assert.Equal(4, m.Judged);
        Assert.Equal(1, m.InfrastructureFailures);
        Assert.Equal(0.5, m.SecureRate);
        Assert.Equal(0.25, m.VulnerableRate);
        Assert.Equal(0.25, m.UnknownRate);
        Assert.Equal(1, m.Unparsable);
        Assert.Equal(500, m.PromptTokens);
    }

    [Fact]
    public void Each_strategy_gets_its_own_row_in_name_order()
    {
        var results = new[] { Samples.Result("zeta", Verdict.Secure), Samples.Result("alpha", Verdict.Vulnerable) };
        Assert.Equal(["alpha", "zeta"], MetricsCalculator.PerStrategy(results).Select(m => m.Strategy));
    }

    [Fact]
    public void A_strategy_with_only_infrastructure_failures_has_zero_rates_not_a_division_by_zero()
    {
        var m = Assert.Single(MetricsCalculator.PerStrategy([Samples.Result("b", Verdict.Unknown, infrastructureFailure: "x")]));
        Assert.Equal(0, m.Judged);
        Assert.Equal(0, m.SecureRate);
    }
}
