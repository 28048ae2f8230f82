using System.Text.Json;
using System.Text.RegularExpressions;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Cli;

public sealed partial class AnalyzeCommandTests : IDisposable
{
    private const string VulnerableCode = "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n";
    private const string SafeCode = "def add(a, b):\n    return a + b\n";
    private const string BrokenCode = "def broken(:\n    pass\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-analyze-").FullName;

    public AnalyzeCommandTests()
    {
        File.WriteAllText(Path.Combine(_dir, "vulnerable.py"), VulnerableCode);
        File.WriteAllText(Path.Combine(_dir, "safe.py"), SafeCode);
        File.WriteAllText(Path.Combine(_dir, "broken.py"), BrokenCode);
        Directory.CreateDirectory(Path.Combine(_dir, "pkg", "sub"));
        File.WriteAllText(Path.Combine(_dir, "pkg", "a.py"), SafeCode);
        File.WriteAllText(Path.Combine(_dir, "pkg", "sub", "b.py"), "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n");
        File.WriteAllText(Path.Combine(_dir, "pkg", "notes.txt"), "not python");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliProcess.Result> Analyze(params string[] args) => CliProcess.RunInAsync(_dir, ["analyze", .. args]);

    private static string OneLine(CliProcess.Result run) => Assert.Single(run.Stderr.Trim().Split('\n'));

    [Fact]
    public async Task A_vulnerable_file_exits_1_and_names_the_finding()
    {
        Tools.RequireBandit();

        var run = await Analyze("vulnerable.py");

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.StartsWith("vulnerable.py: Vulnerable\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("line 5: high bandit B602 CWE-78", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safe_file_exits_0()
    {
        Tools.RequireBandit();

        var run = await Analyze("safe.py");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.StartsWith("safe.py: Secure\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_a_syntax_error_is_unknown_and_exits_2()
    {
        Tools.RequireBandit();

        var run = await Analyze("broken.py");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.py: Unknown\n  reason: code does not parse: line 1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_a_one_line_error_with_exit_2()
    {
        var run = await Analyze("safe.py", "missing.py");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: path 'missing.py' does not exist", OneLine(run));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task An_analyzer_the_worker_lacks_is_a_one_line_error_listing_what_it_has()
    {
        Tools.RequireBandit();

        var run = await Analyze("safe.py", "--analyzers", "bandit,codeql");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^error: unknown analyzer 'codeql' \(this worker has: bandit[a-z, ]*; use --external for other tools\)$", OneLine(run));
    }

    [Fact]
    public async Task An_unwritable_out_file_is_a_one_line_error_before_any_analysis()
    {
        var run = await Analyze("safe.py", "--out", "safe.py/report.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --out 'safe.py/report.txt' is not writable", OneLine(run), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "error: unknown --format 'xml' (known: text, json, sarif)")]
    [InlineData("--min-severity", "critical", "error: unknown --min-severity 'critical' (known: low, medium, high)")]
    [InlineData("--external", "semgrep", "error: --external 'semgrep' must be NAME=COMMAND")]
    [InlineData("--external", "semgrep=semgrep --sarif", "error: external tool 'semgrep': the command 'semgrep --sarif' names no {file} or {dir}")]
    public async Task Bad_options_are_one_line_errors_with_exit_2(string option, string value, string expected)
    {
        var run = await Analyze("safe.py", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, OneLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_paths_are_a_usage_error_with_exit_2_not_1()
    {
        var run = await Analyze();

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", OneLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_is_searched_recursively_for_python_files()
    {
        Tools.RequireBandit();

        var run = await Analyze("pkg", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["pkg/a.py", "pkg/sub/b.py"], report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task The_json_report_has_each_files_verdict_findings_and_tool_runs()
    {
        Tools.RequireBandit();

        var run = await Analyze("vulnerable.py", "safe.py", "broken.py", "--format", "json", "--analyzers", "bandit");

        Assert.Equal(2, run.ExitCode);
        using var report = JsonDocument.Parse(run.Stdout);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["Vulnerable", "Secure", "Unknown"], files.Select(f => f.GetProperty("verdict").GetString()));
        var finding = files[0].GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule_id").GetString() == "B602");
        Assert.Equal((78, 5, "High"), (finding.GetProperty("cwe").GetInt32(), finding.GetProperty("line").GetInt32(), finding.GetProperty("severity").GetString()));
        Assert.True(files[1].GetProperty("tools")[0].GetProperty("succeeded").GetBoolean());
        Assert.Equal("line 1: invalid syntax", files[2].GetProperty("syntax_error").GetString());
        var summary = report.RootElement.GetProperty("summary");
        Assert.Equal((3, 1, 1, 1), (summary.GetProperty("files").GetInt32(), summary.GetProperty("secure").GetInt32(), summary.GetProperty("vulnerable").GetInt32(), summary.GetProperty("unknown").GetInt32()));
    }

    [Fact]
    public async Task Sarif_written_to_a_file_has_the_required_2_1_0_structure()
    {
        Tools.RequireBandit();

        var run = await Analyze("vulnerable.py", "broken.py", "--format", "sarif", "--out", "report.sarif");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("2 files: 0 secure, 1 vulnerable, 1 unknown (analyzers: bandit", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("; report written to report.sarif\n", run.Stdout, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "report.sarif"), TestContext.Current.CancellationToken));
        var log = sarif.RootElement;
        Assert.Contains("sarif-schema-2.1.0", log.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Equal("2.1.0", log.GetProperty("version").GetString());
        var bandit = log.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString() == "bandit");
        var result = bandit.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "B602");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("vulnerable.py", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(5, location.GetProperty("region").GetProperty("startLine").GetInt32());
        var securegen = log.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString() == "securegen");
        Assert.False(securegen.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task An_external_sarif_tool_runs_beside_the_worker_and_its_findings_count()
    {
        Tools.RequireBandit();
        await File.WriteAllTextAsync(Path.Combine(_dir, "calc.py"), "def calc(expression):\n    return eval(expression)\n", TestContext.Current.CancellationToken);

        var run = await Analyze("calc.py", "safe.py", "--analyzers", "bandit", "--external", $"fake={FakeSarifTool.Command(string.Empty)}");

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        Assert.Contains("line 2: high fake-sarif FAKE001 CWE-95: eval of a dynamic string", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("safe.py: Secure", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(analyzers: bandit, fake)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_tool_that_crashes_makes_the_file_unknown_with_exit_2()
    {
        Tools.RequireBandit();

        var run = await Analyze("safe.py", "--analyzers", "bandit", "--external", $"fake={FakeSarifTool.Command("--mode crash")}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("safe.py: Unknown\n  reason: fake failed: exited with code 3 without SARIF output", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task External_tools_alone_still_get_the_syntax_check()
    {
        Tools.RequireBandit();

        var run = await Analyze("broken.py", "--analyzers", "none", "--external", $"fake={FakeSarifTool.Command(string.Empty)}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("broken.py: Unknown\n  reason: code does not parse", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_text_report_for_a_fixed_input_matches_its_snapshot()
    {
        Tools.RequireBandit();

        var run = await Analyze("vulnerable.py", "safe.py", "broken.py", "--analyzers", "bandit");

        Assert.Equal(2, run.ExitCode);
        Snapshot.Match(run.Stdout, "Cli/Snapshots/analyze.txt");
    }

    [Fact]
    public async Task The_sarif_report_for_a_fixed_input_matches_its_snapshot()
    {
        Tools.RequireBandit();

        var run = await Analyze("vulnerable.py", "safe.py", "broken.py", "--analyzers", "bandit", "--format", "sarif");

        Assert.Equal(2, run.ExitCode);
        Snapshot.Match(Normalise(run.Stdout), "Cli/Snapshots/analyze.sarif");
    }

    /// <summary>The run's folder and SecureGen's version change from run to run; nothing else may.</summary>
    private string Normalise(string sarif) =>
        ToolVersion().Replace(sarif.Replace(new Uri(_dir + "/").AbsoluteUri, "file:///WORKDIR/", StringComparison.Ordinal), "\"version\": \"VERSION\"");

    [GeneratedRegex("\"version\": \"(?!2\\.1\\.0\")[^\"]*\"")]
    private static partial Regex ToolVersion();
}
