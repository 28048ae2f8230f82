using SecureGen.Core.Analysis.Sandbox;

namespace SecureGen.Core.Benchmarks.Judging;

/// <summary>
/// Judges a candidate by the task's own tests in the sandbox. The suite's two commands say which tests
/// are functional and which are security tests; for unittest suites one sandbox run is split by test
/// id (module and <c>-k</c> patterns), for pytest suites each command gets its own run that keeps only
/// the tests carrying its <c>-m</c> marker. Anything the run cannot conclude is Inconclusive.
/// </summary>
public sealed class SandboxTestJudge(ISandboxRunner sandbox) : ITestJudge
{
    public async Task<TestJudgement> JudgeAsync(TaskTestSuite suite, string candidateCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(candidateCode);
        var files = new Dictionary<string, string>(suite.Files, StringComparer.Ordinal);
        var support = new Dictionary<string, string>(StringComparer.Ordinal);
        if (suite.CandidateModule != Path.GetFileNameWithoutExtension(SandboxJob.CandidateFileName))
        {
            // The tests import the candidate under the dataset's own module name: make that name the same module object.
            support[suite.CandidateModule + ".py"] = "import sys\nimport solution\nsys.modules[__name__] = solution\n";
        }

        try
        {
            if (suite.Framework == TestFramework.Pytest)
            {
                var functional = await RunPytestAsync(files, support, candidateCode, suite.FunctionalCommand, cancellationToken);
                var security = await RunPytestAsync(files, support, candidateCode, suite.SecurityCommand, cancellationToken);
                return new TestJudgement(functional.Outcome, security.Outcome, Detail(security, functional));
            }

            var result = await sandbox.RunTestsAsync(new SandboxJob(candidateCode, files, TestFramework.Unittest, SupportFiles: support), cancellationToken);
            var func = Outcome(result, UnittestSelector.From(suite.FunctionalCommand));
            var sec = Outcome(result, UnittestSelector.From(suite.SecurityCommand));
            return new TestJudgement(func.Outcome, sec.Outcome, Detail(sec, func));
        }
        catch (ArgumentException e)
        {
            return new TestJudgement(TestRunOutcome.Inconclusive, TestRunOutcome.Inconclusive, $"the task's tests cannot run in the sandbox: {e.Message}");
        }
    }

    private async Task<(TestRunOutcome Outcome, string Detail)> RunPytestAsync(Dictionary<string, string> files, Dictionary<string, string> support, string code, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        var marker = MarkerOf(command);
        var job = new Dictionary<string, string>(support, StringComparer.Ordinal);
        if (marker is not null)
        {
            job["conftest.py"] = $"def pytest_collection_modifyitems(config, items):\n    items[:] = [i for i in items if i.get_closest_marker({marker.Quote()})]\n";
        }

        var result = await sandbox.RunTestsAsync(new SandboxJob(code, files, TestFramework.Pytest, SupportFiles: job), cancellationToken);
        return Outcome(result, _ => true);
    }

    private static (TestRunOutcome Outcome, string Detail) Outcome(SandboxResult result, Func<string, bool> selects)
    {
        if (result.Status == SandboxRunStatus.SandboxFailure)
        {
            return (TestRunOutcome.Inconclusive, $"sandbox failure: {result.Message}");
        }

        var selected = result.Tests.Where(t => selects(t.Id)).ToList();
        var failed = selected.FirstOrDefault(t => t.Outcome is TestOutcome.Failed or TestOutcome.Errored);
        if (failed is not null)
        {
            return (TestRunOutcome.Failed, $"{failed.Id} {failed.Outcome.ToString().ToLowerInvariant()}: {FirstLine(failed.Message)}");
        }

        if (result.Status == SandboxRunStatus.Crashed)
        {
            // The candidate took the test process down (exit at import, a limit kill): not a pass.
            return (TestRunOutcome.Failed, $"the test process crashed: {FirstLine(result.Message)}");
        }

        if (selected.Count > 0 && selected.All(t => t.Outcome == TestOutcome.Passed))
        {
            return (TestRunOutcome.Passed, $"{selected.Count} test(s) passed");
        }

        var stuck = selected.FirstOrDefault(t => t.Outcome != TestOutcome.Passed);
        return (TestRunOutcome.Inconclusive, stuck is null
            ? $"no test selected ({result.Status}): {FirstLine(result.Stdout + "\n" + result.Stderr + "\n" + result.Message)}"
            : $"{stuck.Id} {stuck.Outcome.ToString().ToLowerInvariant()} ({result.Status})");
    }

    /// <summary>The marker of pytest's own -m option (the one after "pytest", not python's "-m pytest").</summary>
    internal static string? MarkerOf(IReadOnlyList<string> command)
    {
        var args = command.ToList();
        var pytest = args.IndexOf("pytest");
        var at = args.IndexOf("-m", pytest + 1);
        return at > pytest && at + 1 < args.Count ? args[at + 1] : null;
    }

    private static string Detail((TestRunOutcome Outcome, string Detail) security, (TestRunOutcome Outcome, string Detail) functional) =>
        $"security: {security.Detail}; functional: {functional.Detail}";

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? string.Empty;
        return line.Length <= 200 ? line : line[..200] + "...";
    }
}
