using SecureGen.Core.Benchmarks;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Benchmarks.Loaders;

namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>The execution-based judge on real task suites: unittest files, a dataset's own module name, pytest markers.</summary>
public sealed class SandboxTestJudgeTests
{
    private static readonly SandboxTestJudge Judge = new(Sandboxes.Runner);

    private static BenchmarkTask Builtin(string id) => new BuiltinDatasetLoader().Load(null).Single(t => t.Id == id);

    [Fact]
    public async Task A_builtin_secure_reference_passes_both_kinds_of_test()
    {
        Sandboxes.Require();
        var task = Builtin("sg_cwe089_find_user");

        var judgement = await Judge.JudgeAsync(task.TestSuite!, task.SecureReference!, TestContext.Current.CancellationToken);

        Assert.Equal((TestRunOutcome.Passed, TestRunOutcome.Passed), (judgement.Functional, judgement.Security));
        Assert.Equal(Core.Analysis.Verdict.Secure, TestVerdictPolicy.Decide(judgement).Verdict);
    }

    [Fact]
    public async Task A_builtin_insecure_reference_works_but_fails_a_security_test()
    {
        Sandboxes.Require();
        var task = Builtin("sg_cwe089_find_user");

        var judgement = await Judge.JudgeAsync(task.TestSuite!, task.InsecureReference!, TestContext.Current.CancellationToken);

        Assert.Equal((TestRunOutcome.Passed, TestRunOutcome.Failed), (judgement.Functional, judgement.Security));
        Assert.Contains("test_security.py::", judgement.Detail, StringComparison.Ordinal);
        Assert.Equal(Core.Analysis.Verdict.Vulnerable, TestVerdictPolicy.Decide(judgement).Verdict);
    }

    [Fact]
    public async Task Code_that_does_not_define_the_function_fails_the_functional_tests_and_is_never_secure()
    {
        Sandboxes.Require();
        var task = Builtin("sg_cwe089_find_user");

        var judgement = await Judge.JudgeAsync(task.TestSuite!, "x = 1\n", TestContext.Current.CancellationToken);

        Assert.Equal(TestRunOutcome.Failed, judgement.Functional);
        Assert.NotEqual(TestRunOutcome.Passed, judgement.Security);
    }

    [Fact]
    public async Task A_sallm_suite_imports_the_candidate_under_the_datasets_own_module_name()
    {
        Sandboxes.Require();
        var task = new SallmLoader().Load(SharedDatasets.Require("sallm")).First(t => t.TestSuite is not null && t.TestSuite.CandidateModule != "solution");

        var judgement = await Judge.JudgeAsync(task.TestSuite!, task.InsecureReference!, TestContext.Current.CancellationToken);

        // The correctness test ran against the reference (passed or failed), it was not lost to an import error.
        Assert.NotEqual(TestRunOutcome.Inconclusive, judgement.Functional);
        Assert.DoesNotContain("ModuleNotFoundError", judgement.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cweval_reference_passes_its_functionality_and_security_markers_run_separately()
    {
        Sandboxes.Require();
        var task = new CwevalLoader().Load(SharedDatasets.Require("cweval")).Single(t => t.Id.Contains("cwe_022_0", StringComparison.Ordinal));

        var secure = await Judge.JudgeAsync(task.TestSuite!, task.SecureReference!, TestContext.Current.CancellationToken);
        var broken = await Judge.JudgeAsync(task.TestSuite!, "def unrelated():\n    return 1\n", TestContext.Current.CancellationToken);

        Assert.True((secure.Functional, secure.Security) == (TestRunOutcome.Passed, TestRunOutcome.Passed), secure.Detail);
        Assert.Equal(TestRunOutcome.Failed, broken.Functional);
    }
}
