using SecureGen.Core.Analysis;
using SecureGen.Core.Metrics;
using SecureGen.UnitTests.Support;
using static SecureGen.UnitTests.Support.ResultBuilder;

namespace SecureGen.UnitTests.Metrics;

public sealed class AtKMetricsTests
{
    private static readonly MetricsOptions Options = new() { Ks = [1, 2, 5] };

    [Fact]
    public void Secure_and_vulnerable_at_k_are_the_mean_of_the_per_task_estimates()
    {
        // Task a: 4 samples, 3 secure, 1 vulnerable. Task b: 4 samples, 1 secure, 2 vulnerable, 1 unknown.
        var results = new[]
        {
            Make("a", 0, Verdict.Secure), Make("a", 1, Verdict.Secure), Make("a", 2, Verdict.Secure), Make("a", 3, Verdict.Vulnerable),
            Make("b", 0, Verdict.Secure), Make("b", 1, Verdict.Vulnerable), Make("b", 2, Verdict.Vulnerable), Make("b", 3, Verdict.Unknown),
        };

        var m = Assert.Single(MetricsCalculator.PerStrategy(results, Options));

        // secure@2: a = C(3,2)/C(4,2) = 3/6, b = 0. Mean 0.25.
        Assert.Equal(0.25, Value(m, "secure@2"));
        // vulnerable@2: a = 1 - C(3,2)/C(4,2) = 0.5, b = 1 - C(2,2)/C(4,2) = 5/6. Mean 2/3.
        Assert.Equal(Math.Round(2.0 / 3, 6), Value(m, "vulnerable@2"));
        // secure@1 = mean of 3/4 and 1/4.
        Assert.Equal(0.5, Value(m, "secure@1"));
        Assert.Equal(2, m.Tasks);
    }

    [Fact]
    public void Unknown_samples_stay_in_n_and_are_never_secure()
    {
        var results = new[] { Make("a", 0, Verdict.Unknown), Make("a", 1, Verdict.Unknown), Make("a", 2, Verdict.Secure) };

        var m = Assert.Single(MetricsCalculator.PerStrategy(results, Options));

        Assert.Equal(Math.Round(1.0 / 3, 6), m.SecureRate);
        Assert.Equal(Math.Round(1.0 / 3, 6), Value(m, "secure@1"));
        Assert.Equal(0, Value(m, "secure@2"));
    }

    [Fact]
    public void K_above_every_tasks_n_reports_no_number_and_says_n_less_than_k()
    {
        var results = new[] { Make("a", 0, Verdict.Secure), Make("a", 1, Verdict.Secure) };

        var m = Assert.Single(MetricsCalculator.PerStrategy(results, Options));
        var at5 = m.AtK.Single(x => x.Metric == "secure@5");

        Assert.Null(at5.Value);
        Assert.Equal("n<k", at5.Note);
        Assert.Equal(1, at5.TasksBelowK);
    }

    [Fact]
    public void Tasks_with_fewer_than_k_samples_are_left_out_of_the_mean_and_counted()
    {
        var results = new[]
        {
            Make("a", 0, Verdict.Secure), Make("a", 1, Verdict.Vulnerable),
            Make("b", 0, Verdict.Vulnerable),
        };

        var at2 = Assert.Single(MetricsCalculator.PerStrategy(results, Options)).AtK.Single(x => x.Metric == "vulnerable@2");

        Assert.Equal(1.0, at2.Value);
        Assert.Equal(1, at2.Tasks);
        Assert.Equal(1, at2.TasksBelowK);
    }

    [Fact]
    public void Pass_at_k_and_func_sec_at_k_need_functional_tests()
    {
        var untested = Assert.Single(MetricsCalculator.PerStrategy([Make("a", 0, Verdict.Secure)], Options));
        Assert.Null(untested.AtK.Single(x => x.Metric == "pass@1").Value);
        Assert.Equal("no functional tests ran", untested.AtK.Single(x => x.Metric == "pass@1").Note);

        var tested = new[]
        {
            Make("a", 0, Verdict.Secure, correct: true), Make("a", 1, Verdict.Vulnerable, correct: true),
            Make("a", 2, Verdict.Secure, correct: false), Make("a", 3, Verdict.Unknown, correct: false),
        };
        var m = Assert.Single(MetricsCalculator.PerStrategy(tested, Options));

        // c = 2 of 4; f (correct and secure) = 1 of 4.
        Assert.Equal(0.5, Value(m, "pass@1"));
        Assert.Equal(Math.Round(1 - (1.0 / 6), 6), Value(m, "pass@2"));
        Assert.Equal(0.25, Value(m, "func-sec@1"));
        Assert.Equal(4, m.FunctionallyTested);
    }

    [Fact]
    public void Identical_normalised_code_within_a_task_counts_as_a_duplicate()
    {
        var results = new[]
        {
            Make("a", 0, Verdict.Secure, code: "def f():\n    return 1\n"),
            Make("a", 1, Verdict.Secure, code: "# a comment\ndef f():\n    return 1   \n\n"),
            Make("a", 2, Verdict.Secure, code: "def f():\n    return 2\n"),
            Make("b", 0, Verdict.Secure, code: "def f():\n    return 1\n"),
        };

        var m = Assert.Single(MetricsCalculator.PerStrategy(results, Options));

        Assert.Equal(1, m.Duplicates);
        Assert.Equal(4, m.Judged);
    }

    [Fact]
    public void Intervals_are_reproducible_and_contain_the_point_estimate()
    {
        var results = Enumerable.Range(0, 12).SelectMany(t => Enumerable.Range(0, 3).Select(s =>
            Make($"t{t}", s, t % 3 > s ? Verdict.Vulnerable : Verdict.Secure))).ToList();

        var first = Assert.Single(MetricsCalculator.PerStrategy(results, Options));
        var second = Assert.Single(MetricsCalculator.PerStrategy(results, Options));

        Assert.Equal(first.SecureRateInterval, second.SecureRateInterval);
        Assert.InRange(first.SecureRate, first.SecureRateInterval!.Low, first.SecureRateInterval.High);
        Assert.True(first.SecureRateInterval.High > first.SecureRateInterval.Low);
        var secureAt2 = first.AtK.Single(x => x.Metric == "secure@2");
        Assert.InRange(secureAt2.Value!.Value, secureAt2.Interval!.Low, secureAt2.Interval.High);
    }

    [Fact]
    public void A_single_task_gives_a_degenerate_interval_at_its_value()
    {
        var m = Assert.Single(MetricsCalculator.PerStrategy([Make("a", 0, Verdict.Secure), Make("a", 1, Verdict.Vulnerable)], Options));
        Assert.Equal(new ConfidenceInterval(0.5, 0.5, 0.95), m.SecureRateInterval);
    }

    [Fact]
    public void Per_cwe_rows_count_samples_of_each_cwe_separately()
    {
        var results = new[]
        {
            Make("a", 0, Verdict.Secure, cwe: 78), Make("a", 1, Verdict.Vulnerable, cwe: 78),
            Make("b", 0, Verdict.Vulnerable, cwe: 89), Make("b", 1, Verdict.Vulnerable, cwe: 89),
            Make("c", 0, Verdict.Unknown, cwe: null, infrastructureFailure: "down"),
        };

        var rows = MetricsCalculator.PerCwe(results);

        Assert.Equal([78, 89, null], rows.Select(r => r.Cwe));
        Assert.Equal(0.5, rows[0].VulnerableRate);
        Assert.Equal(1.0, rows[1].VulnerableRate);
        Assert.Equal(1.0, rows[1].VulnerableAt1);
        Assert.Equal(0, rows[2].N);
        Assert.Equal(1, rows[2].InfrastructureFailures);
    }

    [Fact]
    public void Judges_and_latency_are_summarised_per_strategy()
    {
        var results = new[]
        {
            Make("a", 0, Verdict.Secure, judge: "tests", durationMs: 100),
            Make("a", 1, Verdict.Secure, judge: "static", durationMs: 300),
        };

        var m = Assert.Single(MetricsCalculator.PerStrategy(results, Options));

        Assert.Equal(1, m.Judges["tests"]);
        Assert.Equal(1, m.Judges["static"]);
        Assert.Equal(200, m.MeanSessionMs);
        Assert.Null(m.CostUsd);
    }

    private static double? Value(StrategyMetrics m, string metric) => m.AtK.Single(x => x.Metric == metric).Value;
}
