using System.Text.Json;
using SecureGen.IntegrationTests.Support;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Cli;

/// <summary>
/// The real CLI, as a child process, against a simulator this test starts and watches: the response cache,
/// endpoint failures recorded as infrastructure failures, and broken replies ending as unparsable candidates.
/// </summary>
public sealed class EvalAgainstSimulatorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-eval-sim-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A config whose one endpoint is the simulator, with fast retries and no breaker (so every session reaches the endpoint).</summary>
    private string Config(SimulatorServer server, int maxRetries = 2, double timeoutSeconds = 120)
    {
        var path = Path.Combine(_dir, $"llm-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            endpoints:
              - name: test-simulator
                base_url: {server.BaseUrl}
                model: {SimulatorServer.ModelName}
                max_retries: {maxRetries}
                timeout_seconds: {timeoutSeconds}
                backoff_base_ms: 5
                backoff_max_ms: 20
                circuit_breaker_failures: 0
            prices:
              {SimulatorServer.ModelName}: {"{"} input_per_million: 1.0, output_per_million: 2.0 {"}"}
            cache:
              path: {Path.Combine(_dir, "shared-cache.db")}
            """);
        return path;
    }

    private static async Task<(List<JsonElement> Results, JsonElement Metrics)> ReadAsync(string output)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(output, "results.jsonl"), TestContext.Current.CancellationToken);
        var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metrics.json"), TestContext.Current.CancellationToken)).RootElement;
        return (lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(), metrics);
    }

    private static string[] Eval(string output, string config, params string[] more) =>
        ["eval", "--dataset", "builtin", "--tasks", "3", "--samples", "2", "--out", output, "--config", config, .. more];

    [Fact]
    public async Task A_second_identical_run_sharing_the_cache_makes_no_HTTP_calls_and_gives_the_same_answers()
    {
        Tools.RequireBandit();
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);
        var config = Config(server);
        var output = Path.Combine(_dir, "run");

        var first = await CliProcess.RunAsync(Eval(output, config));
        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        var callsAfterFirst = server.Statistics.ChatRequests;
        var (firstResults, firstMetrics) = await ReadAsync(output);

        // A new output folder (a folder holds one run; --resume would skip the sessions instead), the same cache file.
        var secondOutput = Path.Combine(_dir, "run-again");
        var second = await CliProcess.RunAsync(Eval(secondOutput, config));
        Assert.True(second.ExitCode == 0, second.Stderr + second.Stdout);
        var (secondResults, secondMetrics) = await ReadAsync(secondOutput);

        Assert.Equal(6, callsAfterFirst);
        Assert.Equal(callsAfterFirst, server.Statistics.ChatRequests);
        Assert.Equal(firstResults.Select(r => r.GetProperty("final_code").GetString()), secondResults.Select(r => r.GetProperty("final_code").GetString()));
        Assert.Equal(6, secondMetrics.GetProperty("llm").GetProperty("cache_hits").GetInt32());
        Assert.Equal(0, secondMetrics.GetProperty("llm").GetProperty("cost_usd").GetDouble());
        Assert.Equal(6, firstMetrics.GetProperty("llm").GetProperty("cache_misses").GetInt32());
        Assert.True(firstMetrics.GetProperty("llm").GetProperty("cost_usd").GetDouble() > 0);
        Assert.All(secondResults, r => Assert.True(r.GetProperty("llm_calls")[0].GetProperty("cached").GetBoolean()));
        Assert.True(secondResults[0].GetProperty("usage").GetProperty("cache_hits").GetInt32() == 1);

        var third = await CliProcess.RunAsync(Eval(Path.Combine(_dir, "run-uncached"), config, "--no-cache"));
        Assert.True(third.ExitCode == 0, third.Stderr + third.Stdout);
        Assert.Equal(callsAfterFirst + 6, server.Statistics.ChatRequests);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_recorded_as_infrastructure_failures_not_as_insecure_code()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { ServerErrorRate = 1 }, TestContext.Current.CancellationToken);
        var output = Path.Combine(_dir, "failing");

        var run = await CliProcess.RunAsync(Eval(output, Config(server)));

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var (results, metrics) = await ReadAsync(output);
        Assert.Equal(6, results.Count);
        Assert.Equal(6 * 3, server.Statistics.ChatRequests);
        Assert.All(results, r =>
        {
            Assert.Contains("gave up after 2 retries", r.GetProperty("infrastructure_failure").GetString(), StringComparison.Ordinal);
            Assert.Equal("Unknown", r.GetProperty("verdict").GetString());
            Assert.Equal(2, r.GetProperty("llm_calls")[0].GetProperty("retries").GetInt32());
        });
        var row = metrics.GetProperty("strategies")[0];
        Assert.Equal((6, 0, 0, 0), (row.GetProperty("infrastructure_failures").GetInt32(), row.GetProperty("judged").GetInt32(), row.GetProperty("vulnerable").GetInt32(), row.GetProperty("secure").GetInt32()));
    }

    [Fact]
    public async Task Timeouts_are_retried_then_recorded_as_infrastructure_failures()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { TimeoutRate = 1 }, TestContext.Current.CancellationToken);
        var config = Config(server, maxRetries: 1, timeoutSeconds: 0.3);
        var output = Path.Combine(_dir, "hanging");

        var run = await CliProcess.RunAsync("eval", "--dataset", "builtin", "--tasks", "2", "--out", output, "--config", config);

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var (results, _) = await ReadAsync(output);
        Assert.Equal(2, results.Count);
        // Each session tried twice; on a loaded machine an attempt can time out before the server has routed it, so count at least one per session.
        Assert.InRange(server.Statistics.Hangs, 2, 4);
        Assert.All(results, r => Assert.Contains("timed out after 0.3 s (gave up after 1 retries)", r.GetProperty("infrastructure_failure").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public async Task Garbage_and_truncated_replies_end_as_unparsable_candidates_judged_Unknown(string fault)
    {
        Tools.RequireBandit();
        var options = fault == "garbage" ? new SimulatorOptions { GarbageRate = 1 } : new SimulatorOptions { TruncateRate = 1 };
        await using var server = await SimulatorServer.StartAsync(options, TestContext.Current.CancellationToken);
        var output = Path.Combine(_dir, fault);

        var run = await CliProcess.RunAsync("eval", "--dataset", "builtin", "--samples", "2", "--out", output, "--config", Config(server));

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        var (results, metrics) = await ReadAsync(output);
        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.True(r.GetProperty("unparsable").GetBoolean(), r.GetProperty("final_code").GetString());
            Assert.Equal("Unknown", r.GetProperty("verdict").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("infrastructure_failure").ValueKind);
        });
        Assert.Equal(results.Count, metrics.GetProperty("strategies")[0].GetProperty("unparsable").GetInt32());
    }

    [Fact]
    public async Task A_wrong_configuration_file_is_a_one_line_error_naming_the_file_and_the_problem()
    {
        var config = Path.Combine(_dir, "llm.yaml");
        await File.WriteAllTextAsync(config, "endpoints:\n  - base_url: http://127.0.0.1:9/v1\n    requests_per_minit: 10\n", TestContext.Current.CancellationToken);

        var run = await CliProcess.RunAsync("eval", "--out", Path.Combine(_dir, "x"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith($"error: LLM configuration '{config}' line 3:", line, StringComparison.Ordinal);
        Assert.Contains("requests_per_minit", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_simulator_setting_is_a_one_line_error()
    {
        var run = await CliProcess.RunAsync("simulator", "--port", "0", "--garbage-rate", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: simulator: garbage_rate must be between 0 and 1 (got 2)", run.Stderr.Trim());
    }
}
