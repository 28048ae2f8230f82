using System.Diagnostics;
using SecureGen.Core.Analysis;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Analysis;

public sealed class PythonWorkerPoolTests
{
    private const string Vulnerable = "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n";
    private const string Safe = "import subprocess\n\n\ndef run(args):\n    return subprocess.run(['ls', '--', args], check=False)\n";

    private static PythonWorkerPool NewPool(int workers = 1, TimeSpan? timeout = null) =>
        new(new PythonWorkerOptions { WorkerCount = workers, PerFileTimeout = timeout ?? TimeSpan.FromSeconds(30) });

    /// <summary>A file big enough that Bandit needs a while for it: the window in which a test kills or times out the worker.</summary>
    private static string SlowFile() => string.Concat(Enumerable.Range(0, 6000).Select(i => $"def f{i}(x):\n    return eval(x + '{i}')\n"));

    [Fact]
    public async Task Bandit_finds_the_shell_injection_in_a_known_vulnerable_file()
    {
        Tools.RequireBandit();
        await using var pool = NewPool();

        var report = await pool.AnalyzeAsync(Vulnerable, TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Vulnerable, report.Verdict);
        var finding = Assert.Single(report.Findings, f => f.RuleId == "B602");
        Assert.Equal(78, finding.Cwe);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.Equal(5, finding.Line);
    }

    [Fact]
    public async Task A_known_safe_file_is_secure_with_only_low_findings()
    {
        Tools.RequireBandit();
        await using var pool = NewPool();

        var report = await pool.AnalyzeAsync(Safe, TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Secure, report.Verdict);
        Assert.All(report.Findings, f => Assert.Equal(Severity.Low, f.Severity));
        Assert.True(report.ToolRuns.Single(r => r.Tool == "bandit").Succeeded);
    }

    [Fact]
    public async Task String_checks_run_on_modern_python_thanks_to_the_constant_fix()
    {
        Tools.RequireBandit();
        await using var pool = NewPool();

        var report = await pool.AnalyzeAsync("def q(name):\n    return 'SELECT * FROM users WHERE name = \\'%s\\'' % name\n", TestContext.Current.CancellationToken);

        Assert.Contains(report.Findings, f => f.RuleId == "B608" && f.Cwe == 89);
    }

    [Fact]
    public async Task A_worker_killed_mid_analysis_gives_unknown_and_is_replaced()
    {
        Tools.RequireBandit();
        await using var pool = NewPool();
        await pool.AnalyzeAsync(Safe, TestContext.Current.CancellationToken);
        var pid = Assert.Single(pool.LiveProcessIds);

        var analysis = pool.AnalyzeAsync(SlowFile(), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(analysis.IsCompleted, "the slow file finished before the worker could be killed");
        Process.GetProcessById(pid).Kill();
        var report = await analysis;

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Contains("analysis worker failed", report.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(1, pool.Restarts);
        var next = await pool.AnalyzeAsync(Vulnerable, TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Vulnerable, next.Verdict);
        Assert.NotEqual(pid, Assert.Single(pool.LiveProcessIds));
    }

    [Fact]
    public async Task A_file_that_takes_longer_than_the_timeout_gives_unknown_and_the_worker_is_replaced()
    {
        Tools.RequireBandit();
        await using var pool = NewPool(timeout: TimeSpan.FromMilliseconds(200));
        await pool.AnalyzeAsync(Safe, TestContext.Current.CancellationToken);

        var report = await pool.AnalyzeAsync(SlowFile(), TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Contains("did not answer within", report.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(1, pool.Restarts);
        Assert.Equal(Verdict.Vulnerable, (await pool.AnalyzeAsync(Vulnerable, TestContext.Current.CancellationToken)).Verdict);
    }

    [Theory]
    [InlineData("def broken(:\n    pass\n")]
    [InlineData("\u0000\u0001 not python at all }{")]
    [InlineData("")]
    public async Task Garbage_input_gives_unknown_never_secure(string code)
    {
        Tools.RequireBandit();
        await using var pool = NewPool();

        var report = await pool.AnalyzeAsync(code, TestContext.Current.CancellationToken);

        Assert.NotEqual(Verdict.Secure, report.Verdict);
        Assert.Equal(Verdict.Unknown, report.Verdict);
    }

    [Fact]
    public async Task A_missing_interpreter_gives_unknown_with_the_reason()
    {
        await using var pool = new PythonWorkerPool(new PythonWorkerOptions { PythonPath = "/nonexistent/python3", WorkerCount = 1 });

        var report = await pool.AnalyzeAsync(Safe, TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Unknown, report.Verdict);
        Assert.Contains("/nonexistent/python3", report.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workers_answer_concurrent_requests_each_with_its_own_result()
    {
        Tools.RequireBandit();
        await using var pool = NewPool(workers: 2);

        var reports = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => pool.AnalyzeAsync(i % 2 == 0 ? Vulnerable : Safe, TestContext.Current.CancellationToken)));

        for (var i = 0; i < reports.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? Verdict.Vulnerable : Verdict.Secure, reports[i].Verdict);
        }

        Assert.Equal(0, pool.Restarts);
    }
}
