using System.Text.Json;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private static readonly string[] Verdicts = ["Secure", "Vulnerable", "Unknown"];

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Eval_on_the_builtin_dataset_writes_one_result_per_task_and_sample_and_the_metrics()
    {
        Tools.RequireBandit();
        var output = Path.Combine(_dir, "run");

        var run = await CliProcess.RunAsync("eval", "--dataset", "builtin", "--strategy", "baseline", "--samples", "3", "--out", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}{run.Stdout}");
        var taskCount = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "benchmark", "tasks")).Length;
        var lines = await File.ReadAllLinesAsync(Path.Combine(output, "results.jsonl"), TestContext.Current.CancellationToken);
        Assert.Equal(taskCount * 3, lines.Length);
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(lines.Length, results.Select(r => r.GetProperty("session_id").GetString()).Distinct().Count());
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("simulated").GetBoolean());
            Assert.Equal("baseline", r.GetProperty("strategy").GetString());
            Assert.Contains(r.GetProperty("verdict").GetString(), Verdicts);
            Assert.Contains("def ", r.GetProperty("final_code").GetString(), StringComparison.Ordinal);
            Assert.True(r.GetProperty("llm_calls")[0].GetProperty("completion_tokens").GetInt32() > 0);
        });
        Assert.Equal([0, 1, 2], results.Select(r => r.GetProperty("sample_index").GetInt32()).Distinct().Order());

        // The built-in tasks have tests, so the sandbox judges them: every verdict says so, and every
        // Vulnerable one names the security test that failed.
        Assert.All(results, r => Assert.Equal("tests", r.GetProperty("judge").GetString()));
        Assert.All(results, r => Assert.NotEqual(JsonValueKind.Null, r.GetProperty("functional_tests_passed").ValueKind));
        foreach (var r in results.Where(r => r.GetProperty("verdict").GetString() == "Vulnerable"))
        {
            Assert.StartsWith("tests: security tests failed", r.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains("test_security.py::", r.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Contains(results, r => r.GetProperty("verdict").GetString() == "Vulnerable");
        Assert.Contains(results, r => r.GetProperty("verdict").GetString() == "Secure");

        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metrics.json"), TestContext.Current.CancellationToken));
        var row = Assert.Single(metrics.RootElement.GetProperty("strategies").EnumerateArray());
        Assert.Equal(lines.Length, row.GetProperty("sessions").GetInt32());
        var secure = results.Count(r => r.GetProperty("verdict").GetString() == "Secure");
        Assert.Equal(Math.Round((double)secure / lines.Length, 6), row.GetProperty("secure_rate").GetDouble(), 6);
        Assert.Contains("secure", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("simulated", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_dataset_is_a_one_line_error_naming_it()
    {
        var run = await CliProcess.RunAsync("eval", "--dataset", "no-such-set", "--out", Path.Combine(_dir, "x"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown dataset 'no-such-set' (known: builtin, cweval, cyberseceval-autocomplete, cyberseceval-instruct, llmseceval, pythonsecurityeval, sallm, securityeval)", run.Stderr.Trim());
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_one_line_error_naming_it()
    {
        var run = await CliProcess.RunAsync("eval", "--dataset", "builtin", "--endpoint", "http://127.0.0.1:9/v1", "--out", Path.Combine(_dir, "x"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: cannot reach LLM endpoint http://127.0.0.1:9/v1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_output_directory_is_a_one_line_error_naming_it()
    {
        var file = Path.Combine(_dir, "plain-file");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync("eval", "--dataset", "builtin", "--out", Path.Combine(file, "out"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith($"error: output directory '{Path.Combine(file, "out")}' is not writable", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_strategy_is_a_one_line_error_listing_the_known_ones()
    {
        var run = await CliProcess.RunAsync("eval", "--strategy", "magic", "--out", Path.Combine(_dir, "x"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: unknown strategy 'magic' (known: analyzer-feedback, baseline, classify,", run.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }
}
