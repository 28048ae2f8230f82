using System.Text.Json;
using SecureGen.Core.Analysis;
using SecureGen.Core.Analysis.Sarif;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Analysis.Sarif;

public sealed class SarifLogWriterTests
{
    private const string Snapshots = "Analysis/Sarif/Snapshots/";

    public static TheoryData<string> LogNames => ["vulnerable", "secure", "tool-failed", "does-not-parse", "merged-run"];

    private static string Write(string name) => name switch
    {
        "vulnerable" => SarifLogWriter.Serialize([new("app/ping.py", SarifSamples.Vulnerable)], SarifSamples.Options),
        "secure" => SarifLogWriter.Serialize([new("app/ping.py", SarifSamples.Secure)], SarifSamples.Options),
        "tool-failed" => SarifLogWriter.Serialize([new("app/ping.py", SarifSamples.TaintCrashed)], SarifSamples.Options),
        "does-not-parse" => SarifLogWriter.Serialize([new("app/ping.py", SarifSamples.DoesNotParse)], SarifSamples.Options),
        "merged-run" => SarifLogWriter.Serialize(SarifSamples.Merged, SarifSamples.Options),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static JsonElement Run(JsonElement log, string driver) =>
        log.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString() == driver);

    [Theory]
    [MemberData(nameof(LogNames))]
    public void Each_log_matches_its_reviewed_snapshot(string name) =>
        Snapshot.Match(Write(name), $"{Snapshots}{name}.sarif");

    [Theory]
    [MemberData(nameof(LogNames))]
    public void Each_log_has_the_required_sarif_2_1_0_structure(string name) =>
        Assert.Empty(SarifStructure.Problems(Write(name)));

    [Fact]
    public void The_structure_check_catches_a_result_pointing_at_the_wrong_rule()
    {
        var broken = Write("vulnerable").Replace("\"ruleIndex\": 1", "\"ruleIndex\": 0", StringComparison.Ordinal);

        Assert.Contains(SarifStructure.Problems(broken), p => p.Contains("ruleIndex points at rule B602", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vulnerable_candidate_has_one_run_per_tool_with_rules_levels_and_cwe()
    {
        using var log = JsonDocument.Parse(Write("vulnerable"));

        var bandit = Run(log.RootElement, "bandit");
        Assert.Equal(["B404", "B602"], bandit.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var shell = bandit.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "B602");
        Assert.Equal("error", shell.GetProperty("level").GetString());
        var region = shell.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((6, 7), (region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32()));
        Assert.Equal("note", bandit.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "B404").GetProperty("level").GetString());
        var rule = bandit.GetProperty("tool").GetProperty("driver").GetProperty("rules")[1];
        Assert.Contains("external/cwe/cwe-078", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("subprocess_popen_with_shell_equals_true", rule.GetProperty("name").GetString());
        Assert.True(Run(log.RootElement, "taint").GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void A_taint_finding_carries_its_source_and_sink_as_a_code_flow()
    {
        using var log = JsonDocument.Parse(Write("vulnerable"));

        var result = Run(log.RootElement, "taint").GetProperty("results")[0];
        var steps = result.GetProperty("codeFlows")[0].GetProperty("threadFlows")[0].GetProperty("locations").EnumerateArray()
            .Select(l => l.GetProperty("location").GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal([5, 6], steps);
        Assert.Equal(5, result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void A_tool_that_failed_is_an_unsuccessful_invocation_with_a_notification_so_unknown_is_visible()
    {
        using var log = JsonDocument.Parse(Write("tool-failed"));

        var taint = Run(log.RootElement, "taint");
        var invocation = taint.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = invocation.GetProperty("toolExecutionNotifications")[0];
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Contains("RecursionError", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False(taint.TryGetProperty("results", out _), "a tool that failed must not claim it found nothing");
        Assert.Equal("Unknown", log.RootElement.GetProperty("properties").GetProperty("verdicts")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public void Code_that_does_not_parse_is_reported_by_a_securegen_run_that_did_not_succeed()
    {
        using var log = JsonDocument.Parse(Write("does-not-parse"));

        var run = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(SarifLogWriter.SecureGenDriver, run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var invocation = run.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains("line 1: invalid syntax", invocation.GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_log_puts_every_candidate_of_a_tool_in_one_run_and_keeps_each_verdict()
    {
        using var log = JsonDocument.Parse(Write("merged-run"));

        var bandit = Run(log.RootElement, "bandit");
        Assert.Equal(["candidates/s1-0.py", "candidates/s1-1.py", "candidates/s2-0.py"],
            bandit.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("location").GetProperty("uri").GetString()));
        Assert.True(bandit.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        var taint = Run(log.RootElement, "taint");
        Assert.False(taint.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.Single(taint.GetProperty("results").EnumerateArray());
        var securegen = Run(log.RootElement, SarifLogWriter.SecureGenDriver);
        Assert.Equal(["candidates/s2-1%20draft.py", "file:///elsewhere/s3-0.py"],
            securegen.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("location").GetProperty("uri").GetString()));
        Assert.Equal(["Vulnerable", "Secure", "Unknown", "Unknown", "Unknown"],
            log.RootElement.GetProperty("properties").GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("verdict").GetString()));
    }

    [Fact]
    public void Reading_back_a_written_log_gives_the_same_findings()
    {
        var read = SarifFindingReader.Read(Write("vulnerable"));

        var expected = SarifSamples.Vulnerable.Findings.OrderBy(f => f.Tool, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
        Assert.Equal(expected, read.Findings.OrderBy(f => f.Tool, StringComparer.Ordinal).ThenBy(f => f.Line).ToList());
        Assert.Equal(["bandit", "taint"], read.Drivers);
        Assert.Empty(read.ExecutionFailures);
    }

    [Fact]
    public void Reading_back_a_log_with_a_failed_tool_reports_the_failure()
    {
        var read = SarifFindingReader.Read(Write("tool-failed"));

        Assert.Contains(read.ExecutionFailures, f => f.Contains("RecursionError", StringComparison.Ordinal));
    }

    [Fact]
    public void Line_numbers_below_one_are_clamped_because_sarif_lines_start_at_one()
    {
        var report = new VerdictPolicy().Decide(["bandit"], [new ToolRun("bandit", true, [SarifSamples.AssertUsed with { Line = 0, EndLine = 0 }], null)], null);

        var sarif = SarifLogWriter.Serialize([new("a.py", report)], SarifSamples.Options);

        Assert.Empty(SarifStructure.Problems(sarif));
    }
}
