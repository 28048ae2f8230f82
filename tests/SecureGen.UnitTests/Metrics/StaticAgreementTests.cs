using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Metrics;
using SecureGen.UnitTests.Support;
using static SecureGen.UnitTests.Support.ResultBuilder;

namespace SecureGen.UnitTests.Metrics;

public sealed class StaticAgreementTests
{
    private static StaticTestAgreement Table() => StaticAgreementCalculator.From(AgreementSamples.JudgedByTests())!;

    [Fact]
    public void Only_sessions_the_tests_judged_with_a_kept_static_verdict_are_counted()
    {
        Assert.Equal(8, Table().Overall.Sessions);
    }

    [Fact]
    public void The_matrix_counts_static_against_tests_verdicts()
    {
        var m = Table().Overall;
        Assert.Equal(2, m.Count(Verdict.Vulnerable, Verdict.Vulnerable));
        Assert.Equal(2, m.Count(Verdict.Vulnerable, Verdict.Secure));
        Assert.Equal(1, m.Count(Verdict.Secure, Verdict.Secure));
        Assert.Equal(1, m.Count(Verdict.Secure, Verdict.Vulnerable));
        Assert.Equal(1, m.Count(Verdict.Secure, Verdict.Unknown));
        Assert.Equal(1, m.Count(Verdict.Unknown, Verdict.Unknown));
        Assert.Equal(0, m.Count(Verdict.Unknown, Verdict.Secure));
    }

    [Fact]
    public void Precision_recall_agreement_and_false_alarms_take_the_tests_as_reference()
    {
        var m = Table().Overall;
        Assert.Equal(2.0 / 4, m.Precision);
        Assert.Equal(2.0 / 3, m.Recall);
        Assert.Equal(3.0 / 6, m.Agreement);
        Assert.Equal(2.0 / 3, m.FalseAlarmRate);
    }

    [Fact]
    public void Each_analyzer_is_judged_by_its_own_findings_and_is_unknown_where_it_failed()
    {
        var perAnalyzer = Table().PerAnalyzer.ToDictionary(m => m.Scope);
        Assert.Equal(["bandit", "taint"], perAnalyzer.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, perAnalyzer["bandit"].Count(Verdict.Vulnerable, Verdict.Vulnerable));
        Assert.Equal(2, perAnalyzer["bandit"].Count(Verdict.Vulnerable, Verdict.Secure));
        Assert.Equal(2, perAnalyzer["taint"].Count(Verdict.Vulnerable, Verdict.Vulnerable));
        Assert.Equal(1, perAnalyzer["taint"].Count(Verdict.Unknown, Verdict.Secure));
        Assert.Equal(0.0, perAnalyzer["taint"].FalseAlarmRate);
    }

    [Fact]
    public void Agreement_is_broken_down_per_cwe()
    {
        var perCwe = Table().PerCwe;
        Assert.Equal(["CWE-78", "CWE-89"], perCwe.Select(m => m.Scope));
        Assert.Equal(1.0, perCwe[0].Recall);
        Assert.Equal(0.5, perCwe[1].Recall);
    }

    [Fact]
    public void A_confidence_threshold_turns_weaker_vulnerable_verdicts_secure()
    {
        var perConfidence = Table().PerConfidence;
        Assert.Equal(["evidence confidence medium+", "evidence confidence high+"], perConfidence.Select(m => m.Scope));
        Assert.Equal(Table().Overall.Counts, perConfidence[0].Counts);
        Assert.Equal(2, perConfidence[1].Count(Verdict.Secure, Verdict.Vulnerable));
        Assert.Equal(1.0 / 3, perConfidence[1].Recall);
    }

    [Fact]
    public void A_run_without_tests_has_no_agreement_table()
    {
        Assert.Null(StaticAgreementCalculator.From([Make("t", 0, Verdict.Secure)]));
    }

    [Fact]
    public void Ratios_without_a_denominator_are_not_defined()
    {
        var m = AgreementMatrix.Of("all", [(Verdict.Unknown, Verdict.Unknown)]);
        Assert.Null(m.Precision);
        Assert.Null(m.Recall);
        Assert.Null(m.Agreement);
        Assert.Null(m.FalseAlarmRate);
    }

    [Fact]
    public void Judging_by_tests_keeps_the_static_verdict_and_marks_the_static_reasons()
    {
        var statically = Make("t", 0, Verdict.Vulnerable) with { Reasons = ["bandit B602 (CWE-78, High) at line 3"] };
        var judged = TestJudgedResult.Apply(statically, new TestJudgement(TestRunOutcome.Passed, TestRunOutcome.Passed, string.Empty));
        Assert.Equal(Verdict.Secure, judged.Verdict);
        Assert.Equal(Verdict.Vulnerable, judged.StaticVerdict);
        Assert.Equal(JudgeNames.Tests, judged.Judge);
        Assert.True(judged.FunctionalTestsPassed);
        Assert.Equal("static: bandit B602 (CWE-78, High) at line 3", judged.Reasons[1]);
    }
}
