using SecureGen.Core.Analysis;
using SecureGen.Core.Reporting;
using static SecureGen.UnitTests.Support.ResultBuilder;

namespace SecureGen.UnitTests.Reporting;

public sealed class RunComparerTests
{
    [Fact]
    public void Verdict_changes_are_matched_by_task_strategy_and_sample_and_classified()
    {
        var a = new[] { Make("t1", 0, Verdict.Vulnerable), Make("t1", 1, Verdict.Secure), Make("t2", 0, Verdict.Secure), Make("t3", 0, Verdict.Secure) };
        var b = new[] { Make("t1", 0, Verdict.Secure), Make("t1", 1, Verdict.Unknown), Make("t2", 0, Verdict.Secure), Make("t4", 0, Verdict.Secure) };

        var comparison = RunComparer.Compare("A", a, "B", b);

        Assert.Equal(3, comparison.Matched);
        Assert.Equal(1, comparison.OnlyInA);
        Assert.Equal(1, comparison.OnlyInB);
        Assert.Equal(2, comparison.Changes.Count);
        Assert.True(comparison.Changes[0].Improved);
        Assert.True(comparison.Changes[1].Regressed);
        var secureRate = comparison.Strategies.Single(d => d.Metric == "secure rate");
        Assert.Equal(0.75, secureRate.Before);
        Assert.Equal(0.75, secureRate.After);
        Assert.Equal(0, secureRate.Change);
        var markdown = RunComparer.ToMarkdown(comparison);
        Assert.Contains("2 verdict changes: 1 became secure, 1 stopped being secure, 0 other.", markdown, StringComparison.Ordinal);
        Assert.Contains("| t1 | baseline | 0 | Vulnerable | Secure |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_strategy_in_only_one_run_shows_a_dash_for_the_other()
    {
        var comparison = RunComparer.Compare("A", [Make("t1", 0, Verdict.Secure)], "B", [Make("t1", 0, Verdict.Secure, strategy: "fdsp")]);

        Assert.Contains(comparison.Strategies, d => d.Strategy == "fdsp" && d.Before is null && d.After is not null && d.Change is null);
        Assert.Contains("| fdsp | secure rate | — | 1.000 | — |", RunComparer.ToMarkdown(comparison), StringComparison.Ordinal);
    }
}
