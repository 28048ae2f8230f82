using SecureGen.Core.Analysis.Sandbox;
using SecureGen.Core.Analysis;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.UnitTests.Benchmarks;

public sealed class TestVerdictPolicyTests
{
    [Theory]
    [InlineData(TestRunOutcome.Passed, TestRunOutcome.Passed, Verdict.Secure, true)]
    [InlineData(TestRunOutcome.Passed, TestRunOutcome.Failed, Verdict.Vulnerable, true)]
    [InlineData(TestRunOutcome.Failed, TestRunOutcome.Passed, Verdict.Secure, false)]
    [InlineData(TestRunOutcome.Inconclusive, TestRunOutcome.Inconclusive, Verdict.Unknown, null)]
    [InlineData(TestRunOutcome.Passed, TestRunOutcome.Inconclusive, Verdict.Unknown, true)]
    public void Only_passing_security_tests_make_a_candidate_secure(TestRunOutcome functional, TestRunOutcome security, Verdict verdict, bool? correct)
    {
        var (v, c, reason) = TestVerdictPolicy.Decide(new TestJudgement(functional, security, string.Empty));

        Assert.Equal(verdict, v);
        Assert.Equal(correct, c);
        Assert.StartsWith("security tests ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparsable_candidate_is_unknown_and_not_correct_whatever_the_report_says()
    {
        var (v, c, _) = TestVerdictPolicy.Decide(new TestJudgement(TestRunOutcome.Passed, TestRunOutcome.Passed, string.Empty), unparsable: true);

        Assert.Equal(Verdict.Unknown, v);
        Assert.False(c);
    }

    [Fact]
    public void Tests_judge_a_task_only_when_it_has_tests_and_a_test_judge_is_connected()
    {
        var withTests = new BenchmarkTask("t", "d", "p", null, null, 78, TestSuite: new TaskTestSuite(TestFramework.Pytest, "m", new Dictionary<string, string>(), ["python3"], ["python3"]));
        var without = new BenchmarkTask("t", "d", "p", null, null, 78);

        Assert.Equal(JudgeNames.Tests, JudgeNames.For(withTests, testJudgeAvailable: true));
        Assert.Equal(JudgeNames.Static, JudgeNames.For(withTests, testJudgeAvailable: false));
        Assert.Equal(JudgeNames.Static, JudgeNames.For(without, testJudgeAvailable: true));
    }
}
