using System.Diagnostics;
using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.External;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Analysis;

public sealed class ExternalSarifToolTests : IDisposable
{
    private const string Vulnerable = "import hashlib\nimport pickle\nx = input()\nresult = eval(x)\nobj = pickle.loads(x)\nh = hashlib.md5(x)\n";
    private const string Safe = "def add(a, b):\n    return a + b\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-ext-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ExternalSarifTool Tool(string options = "", string target = "{file}", double timeoutSeconds = 30) =>
        new(new ExternalToolOptions { Name = "fake", Command = FakeSarifTool.Command(options, target), Timeout = TimeSpan.FromSeconds(timeoutSeconds) });

    [Fact]
    public async Task Findings_come_from_the_tools_sarif_with_rule_cwe_severity_and_flow()
    {
        Tools.RequirePython();

        var run = await Tool().RunAsync(Vulnerable, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal("fake", run.Tool);
        var eval = Assert.Single(run.Findings, f => f.RuleId == "FAKE001");
        Assert.Equal(("fake-sarif", 95, Severity.High, 4, 3, 4, "eval of a dynamic string"), (eval.Tool, eval.Cwe, eval.Severity, eval.Line, eval.SourceLine, eval.SinkLine, eval.Message));
        var pickle = Assert.Single(run.Findings, f => f.RuleId == "FAKE002");
        Assert.Equal((502, Severity.Medium, 5), (pickle.Cwe, pickle.Severity, pickle.Line));
        var md5 = Assert.Single(run.Findings, f => f.RuleId == "FAKE003");
        Assert.Equal((328, Severity.Low, Severity.Low), (md5.Cwe, md5.Severity, md5.Confidence));
    }

    [Fact]
    public async Task Clean_code_is_secure_and_a_finding_is_vulnerable_as_an_analyzer_of_its_own()
    {
        Tools.RequirePython();
        var tool = Tool();

        Assert.Equal(Verdict.Secure, (await tool.AnalyzeAsync(Safe, TestContext.Current.CancellationToken)).Verdict);
        Assert.Equal(Verdict.Vulnerable, (await tool.AnalyzeAsync(Vulnerable, TestContext.Current.CancellationToken)).Verdict);
    }

    [Fact]
    public async Task A_non_zero_exit_that_comes_with_results_is_the_usual_found_something_signal()
    {
        Tools.RequirePython();

        var run = await Tool("--mode exit-one-on-findings").RunAsync(Vulnerable, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal(3, run.Findings.Count);
    }

    [Fact]
    public async Task A_tool_can_scan_the_private_folder_and_write_its_sarif_to_a_file()
    {
        Tools.RequirePython();

        var run = await Tool("--out {sarif}", "{dir}").RunAsync(Vulnerable, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Error);
        Assert.Equal(3, run.Findings.Count);
    }

    [Theory]
    [InlineData("--mode crash", "exited with code 3 without SARIF output (stderr: fake-sarif: internal error: analysis crashed)")]
    [InlineData("--mode silent", "exited with code 0 without SARIF output")]
    [InlineData("--mode garbage", "output is not JSON")]
    [InlineData("--mode wrong-version", "not a SARIF 2.1.0 log (version: 1.0.0)")]
    [InlineData("--mode unsuccessful", "fake-sarif reported an unsuccessful execution: could not parse the target")]
    public async Task A_tool_that_breaks_fails_its_run_so_the_candidate_is_unknown(string options, string reason)
    {
        Tools.RequirePython();
        var tool = Tool(options);

        var run = await tool.RunAsync(Safe, TestContext.Current.CancellationToken);
        var report = await tool.AnalyzeAsync(Safe, TestContext.Current.CancellationToken);

        Assert.False(run.Succeeded);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(Verdict.Unknown, report.Verdict);
    }

    [Fact]
    public async Task A_hanging_tool_is_killed_at_the_timeout_and_its_run_fails()
    {
        Tools.RequirePython();
        var pidFile = Path.Combine(_dir, "pid");
        var tool = Tool($"--mode hang --pidfile '{pidFile}'", timeoutSeconds: 1);
        var clock = Stopwatch.StartNew();

        var run = await tool.RunAsync(Safe, TestContext.Current.CancellationToken);

        Assert.False(run.Succeeded);
        Assert.Equal("did not finish within 1 s and was killed", run.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile, TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsRunning(pid), $"the hung tool (pid {pid}) is still running");
    }

    [Fact]
    public async Task A_tool_that_is_not_installed_fails_its_run_naming_it()
    {
        var tool = new ExternalSarifTool(new ExternalToolOptions { Name = "semgrep", Command = "/nonexistent/semgrep --sarif {file}" });

        var run = await tool.RunAsync(Safe, TestContext.Current.CancellationToken);

        Assert.False(run.Succeeded);
        Assert.StartsWith("could not start '/nonexistent/semgrep'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_candidate_sits_alone_in_a_private_folder_that_is_removed_after_the_run()
    {
        Tools.RequirePython();
        var record = Path.Combine(_dir, "target");

        var run = await Tool($"--record '{record}'", "{dir}").RunAsync(Safe, TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, run.Error);
        var recorded = await File.ReadAllLinesAsync(record, TestContext.Current.CancellationToken);
        var folder = recorded[0];
        Assert.StartsWith(Path.GetTempPath(), folder, StringComparison.Ordinal);
        Assert.Equal("700", recorded[1]);
        Assert.False(Directory.Exists(folder), $"{folder} was left behind");
    }

    [Theory]
    [InlineData("bad name", "{file}", "must be letters, digits")]
    [InlineData("semgrep", "semgrep --sarif", "names no {file} or {dir}")]
    public void A_tool_configured_so_it_can_never_work_is_rejected_up_front(string name, string command, string reason)
    {
        var error = Assert.Throws<ExternalToolConfigurationException>(() => new ExternalSarifTool(new ExternalToolOptions { Name = name, Command = command }));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
