using System.Text.Json;
using SecureGen.Core.Analysis;
using SecureGen.Core.Reporting;
using SecureGen.UnitTests.Support;

namespace SecureGen.UnitTests.Reporting;

public sealed class RunOutputWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-out-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Results_are_one_json_object_per_session_with_the_documented_fields()
    {
        var results = new[] { Samples.Result("baseline", Verdict.Secure, sample: 1), Samples.Result("baseline", Verdict.Vulnerable, sample: 0) };

        await RunOutputWriter.WriteAsync(_dir, "run-1", results, TestContext.Current.CancellationToken);

        var lines = await File.ReadAllLinesAsync(Path.Combine(_dir, "results.jsonl"), TestContext.Current.CancellationToken);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        foreach (var field in new[] { "run_id", "session_id", "task_id", "strategy", "sample_index", "model", "simulated", "final_code", "verdict", "findings", "llm_calls" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.Equal(0, root.GetProperty("sample_index").GetInt32());
        Assert.Equal("Vulnerable", root.GetProperty("verdict").GetString());
        Assert.True(root.GetProperty("simulated").GetBoolean());
        var call = root.GetProperty("llm_calls")[0];
        Assert.Equal(100, call.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(12.5, call.GetProperty("latency_ms").GetDouble());
    }

    [Fact]
    public async Task Metrics_give_per_strategy_rates_and_say_when_the_run_was_simulated()
    {
        var results = new[] { Samples.Result("baseline", Verdict.Secure), Samples.Result("baseline", Verdict.Vulnerable, sample: 1), Samples.Result("baseline", Verdict.Unknown, sample: 2), Samples.Result("baseline", Verdict.Secure, sample: 3) };

        await RunOutputWriter.WriteAsync(_dir, "run-1", results, TestContext.Current.CancellationToken);

        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "metrics.json"), TestContext.Current.CancellationToken));
        Assert.True(metrics.RootElement.GetProperty("simulated").GetBoolean());
        var row = Assert.Single(metrics.RootElement.GetProperty("strategies").EnumerateArray());
        Assert.Equal("baseline", row.GetProperty("strategy").GetString());
        Assert.Equal(4, row.GetProperty("sessions").GetInt32());
        Assert.Equal(0.5, row.GetProperty("secure_rate").GetDouble());
        Assert.Equal(0.25, row.GetProperty("vulnerable_rate").GetDouble());
        Assert.Equal(0.25, row.GetProperty("unknown_rate").GetDouble());
    }

    [Fact]
    public async Task The_run_gets_one_merged_sarif_log_with_each_sessions_findings_and_no_infrastructure_failures()
    {
        var finding = new Finding("taint", "SG-TAINT-078", 78, Severity.High, Severity.High, 4, 4, "shell command built from request data", SourceLine: 2, SinkLine: 4);
        var results = new[]
        {
            Samples.Result("baseline", Verdict.Vulnerable) with { Findings = [finding] },
            Samples.Result("baseline", Verdict.Secure, sample: 1),
            Samples.Result("baseline", Verdict.Unknown, infrastructureFailure: "endpoint down", sample: 2),
        };

        await RunOutputWriter.WriteAsync(_dir, "run-1", results, TestContext.Current.CancellationToken);

        var text = await File.ReadAllTextAsync(Path.Combine(_dir, RunOutputWriter.SarifFile), TestContext.Current.CancellationToken);
        using var sarif = JsonDocument.Parse(text);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains($"sessions/t1/{results[0].SessionId}.py", text, StringComparison.Ordinal);
        Assert.DoesNotContain(results[2].SessionId, text, StringComparison.Ordinal);
        var taint = sarif.RootElement.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString() == "taint");
        Assert.Equal("SG-TAINT-078", Assert.Single(taint.GetProperty("results").EnumerateArray()).GetProperty("ruleId").GetString());
    }

    [Fact]
    public void An_output_folder_below_a_regular_file_is_reported_as_not_writable()
    {
        var file = Path.Combine(_dir, "plain-file");
        File.WriteAllText(file, "x");
        var e = Assert.Throws<IOException>(() => RunOutputWriter.EnsureWritable(Path.Combine(file, "out")));
        Assert.Contains("is not writable", e.Message, StringComparison.Ordinal);
    }
}
