using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.IntegrationTests.Sandbox;

/// <summary>Per-test outcomes from the real harness, and the ways a run can end without passing.</summary>
[Collection(SandboxCollection.Name)]
public sealed class SandboxOutcomeTests : IDisposable
{
    private const string Candidate = "def add(a, b):\n    return a + b\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-sandbox-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_unittest_file_gives_one_outcome_per_test()
    {
        Sandboxes.Require();

        var result = await Sandboxes.RunAsync(Candidate, """
            import unittest
            import solution

            class Add(unittest.TestCase):
                def test_pass(self):
                    self.assertEqual(solution.add(1, 2), 3)

                def test_fail(self):
                    self.assertEqual(solution.add(1, 2), 4)

                def test_error(self):
                    raise RuntimeError("boom")

                @unittest.skip("not today")
                def test_skip(self):
                    pass
            """);

        Assert.Equal(SandboxRunStatus.Completed, result.Status);
        Assert.Equal(4, result.Tests.Count);
        Assert.Equal(TestOutcome.Passed, Sandboxes.Outcome(result, "test_probe.py::Add::test_pass").Outcome);
        var failed = Sandboxes.Outcome(result, "test_probe.py::Add::test_fail");
        Assert.Equal(TestOutcome.Failed, failed.Outcome);
        Assert.Contains("3 != 4", failed.Message, StringComparison.Ordinal);
        var errored = Sandboxes.Outcome(result, "test_probe.py::Add::test_error");
        Assert.Equal(TestOutcome.Errored, errored.Outcome);
        Assert.Contains("RuntimeError: boom", errored.Message, StringComparison.Ordinal);
        var skipped = Sandboxes.Outcome(result, "test_probe.py::Add::test_skip");
        Assert.Equal(TestOutcome.Skipped, skipped.Outcome);
        Assert.Equal("not today", skipped.Message);
        Assert.False(result.AllPassed);
    }

    [Fact]
    public async Task A_pytest_file_gives_one_outcome_per_test()
    {
        Sandboxes.Require();
        var job = new SandboxJob(Candidate, new Dictionary<string, string>
        {
            ["test_add.py"] = """
                import pytest
                import solution

                @pytest.fixture
                def broken():
                    raise OSError("fixture broke")

                def test_pass():
                    assert solution.add(1, 2) == 3

                def test_fail():
                    assert solution.add(1, 2) == 4

                def test_error():
                    raise RuntimeError("boom")

                @pytest.mark.skip(reason="not today")
                def test_skip():
                    pass

                def test_fixture_error(broken):
                    pass

                class TestInClass:
                    def test_method(self):
                        assert solution.add(2, 2) == 4
                """,
        }, TestFramework.Pytest);

        var result = await Sandboxes.Runner.RunTestsAsync(job, TestContext.Current.CancellationToken);

        Assert.Equal(SandboxRunStatus.Completed, result.Status);
        Assert.Equal(6, result.Tests.Count);
        Assert.Equal(TestOutcome.Passed, Sandboxes.Outcome(result, "test_add.py::test_pass").Outcome);
        Assert.Equal(TestOutcome.Failed, Sandboxes.Outcome(result, "test_add.py::test_fail").Outcome);
        Assert.Contains("assert 3 == 4", Sandboxes.Outcome(result, "test_add.py::test_fail").Message, StringComparison.Ordinal);
        Assert.Equal(TestOutcome.Errored, Sandboxes.Outcome(result, "test_add.py::test_error").Outcome);
        Assert.Equal(TestOutcome.Skipped, Sandboxes.Outcome(result, "test_add.py::test_skip").Outcome);
        Assert.Equal("not today", Sandboxes.Outcome(result, "test_add.py::test_skip").Message);
        Assert.Equal(TestOutcome.Errored, Sandboxes.Outcome(result, "test_add.py::test_fixture_error").Outcome);
        Assert.Equal(TestOutcome.Passed, Sandboxes.Outcome(result, "test_add.py::TestInClass::test_method").Outcome);
    }

    [Fact]
    public async Task All_passing_tests_in_several_files_read_as_passed()
    {
        Sandboxes.Require();
        var test = "import unittest\nimport solution\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        self.assertEqual(solution.add(2, 3), 5)\n";
        var job = new SandboxJob(Candidate, new Dictionary<string, string> { ["test_one.py"] = test, ["test_two.py"] = test });

        var result = await Sandboxes.Runner.RunTestsAsync(job, TestContext.Current.CancellationToken);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.Equal(["test_one.py::T::test_add", "test_two.py::T::test_add"], result.Tests.Select(t => t.Id));
    }

    [Fact]
    public async Task A_candidate_that_does_not_import_errors_its_test_files()
    {
        Sandboxes.Require();

        var result = await Sandboxes.RunAsync("def add(a, b)\n    return a + b\n", "import unittest\nimport solution\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        pass\n");

        Assert.Equal(SandboxRunStatus.Completed, result.Status);
        var file = Assert.Single(result.Tests);
        Assert.Equal(Sandboxes.ProbeFile, file.Id);
        Assert.Equal(TestOutcome.Errored, file.Outcome);
        Assert.Contains("SyntaxError", file.Message, StringComparison.Ordinal);
        Assert.False(result.AllPassed);
    }

    [Fact]
    public async Task A_candidate_that_exits_at_import_and_prints_a_forged_report_is_a_crash_not_a_pass()
    {
        Sandboxes.Require();
        const string Forger = """
            import json, os, sys
            fake = "SGRESULT " + "0" * 32 + " " + json.dumps({"status": "completed", "message": "", "tests": [
                {"id": "test_probe.py::T::test_add", "outcome": "passed", "message": "", "duration": 0.0}],
                "stdout": "", "stdout_truncated": False, "stderr": "", "stderr_truncated": False})
            print(fake, flush=True)
            try:
                with open("/proc/1/fd/1", "w") as channel:
                    channel.write(fake + "\n")
                print("report channel reachable", flush=True)
            except OSError as e:
                print("report channel blocked:", e, flush=True)
            os._exit(0)
            """;

        var result = await Sandboxes.RunAsync(Forger, "import unittest\nimport solution\n\nclass T(unittest.TestCase):\n    def test_add(self):\n        pass\n");

        Assert.Equal(SandboxRunStatus.Crashed, result.Status);
        Assert.Empty(result.Tests);
        Assert.False(result.AllPassed);
        Assert.Contains("report channel blocked", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("exited with code 0", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_process_that_dies_mid_test_errors_that_test_and_leaves_the_rest_not_run()
    {
        Sandboxes.Require();

        var result = await Sandboxes.RunAsync(Candidate, """
            import os, signal, unittest
            import solution

            class T(unittest.TestCase):
                def test_a(self):
                    pass

                def test_b_dies(self):
                    os.kill(os.getpid(), signal.SIGSEGV)

                def test_c(self):
                    pass
            """);

        Assert.Equal(SandboxRunStatus.Crashed, result.Status);
        Assert.Contains("SIGSEGV", result.Message, StringComparison.Ordinal);
        Assert.Equal(TestOutcome.Passed, Sandboxes.Outcome(result, "test_probe.py::T::test_a").Outcome);
        Assert.Equal(TestOutcome.Errored, Sandboxes.Outcome(result, "test_probe.py::T::test_b_dies").Outcome);
        Assert.Equal(TestOutcome.NotRun, Sandboxes.Outcome(result, "test_probe.py::T::test_c").Outcome);
    }

    [Fact]
    public async Task Captured_output_is_truncated_to_the_limit()
    {
        Sandboxes.Require();
        var limits = new SandboxLimits { OutputBytes = 1000 };

        var result = await Sandboxes.RunAsync(Candidate, "import sys, unittest\nimport solution\n\nclass T(unittest.TestCase):\n    def test_noisy(self):\n        print('x' * 1000000)\n        sys.stderr.write('y' * 100000)\n", limits);

        Assert.True(result.AllPassed, Sandboxes.Describe(result));
        Assert.StartsWith(new string('x', 1000), result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("[... truncated]", result.Stdout, StringComparison.Ordinal);
        Assert.True(result.Stdout.Length < 1100);
        Assert.True(result.Stderr.Length < 1100);
    }

    [Theory]
    [InlineData("raise SystemExit(3)\n")]
    [InlineData("import sys\nsys.stdin.readline()\nprint('SGRESULT ' + 'f' * 32 + ' {\"status\": \"completed\", \"tests\": []}')\n")]
    [InlineData("import os\nos.kill(os.getpid(), 9)\n")]
    public async Task A_harness_that_crashes_or_forges_its_report_gives_a_sandbox_failure(string harness)
    {
        Sandboxes.Require();
        await File.WriteAllTextAsync(Path.Combine(_dir, "harness.py"), harness, TestContext.Current.CancellationToken);
        using var runner = new BubblewrapSandboxRunner(new SandboxOptions { HarnessDirectory = _dir });

        var result = await runner.RunTestsAsync(Sandboxes.Job(Candidate, "import unittest\n"), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxRunStatus.SandboxFailure, result.Status);
        Assert.False(result.AllPassed);
        Assert.Empty(result.Tests);
    }

    [Fact]
    public async Task A_missing_bubblewrap_gives_a_sandbox_failure_naming_it()
    {
        using var runner = new BubblewrapSandboxRunner(new SandboxOptions { BwrapPath = "/nonexistent/bwrap" });

        var result = await runner.RunTestsAsync(Sandboxes.Job(Candidate, "import unittest\n"), TestContext.Current.CancellationToken);

        Assert.Equal(SandboxRunStatus.SandboxFailure, result.Status);
        Assert.Contains("/nonexistent/bwrap", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape.py")]
    [InlineData("solution.py")]
    [InlineData("test one.py")]
    [InlineData("test_x.sh")]
    public async Task A_job_with_a_bad_test_file_name_is_rejected_naming_it(string name)
    {
        var job = new SandboxJob(Candidate, new Dictionary<string, string> { [name] = "import unittest\n" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Sandboxes.Runner.RunTestsAsync(job, TestContext.Current.CancellationToken));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}
