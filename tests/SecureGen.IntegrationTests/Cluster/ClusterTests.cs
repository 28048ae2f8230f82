using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Grains.Interfaces;
using SecureGen.IntegrationTests.Support;
using SecureGen.Silo.Hosting;

namespace SecureGen.IntegrationTests.Cluster;

/// <summary>Real Redis (Orleans membership, state, reminders), real PostgreSQL (results), real silo processes with different roles, against the simulator.</summary>
public sealed class ClusterTests(ClusterServers servers) : IClassFixture<ClusterServers>, IAsyncDisposable
{
    private readonly List<NodeProcess> _nodes = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-cluster-").FullName;

    private async Task<string> StartSimulatorAsync(int latencyMs)
    {
        var port = FreePort.Next();
        _nodes.Add(await NodeProcess.StartAsync("simulator listening", "simulator", "--port", port.ToString(), "--latency-ms", latencyMs.ToString()));
        return $"http://127.0.0.1:{port}/v1";
    }

    private async Task<NodeProcess> StartSiloAsync(string roles, string endpoint)
    {
        var silo = await NodeProcess.StartAsync("silo ready", "silo", "--roles", roles, "--cluster", servers.Redis, "--db", servers.Postgres,
            "--endpoint", endpoint, "--port", "0", "--analysis-workers", "1", "--shutdown-timeout", "20");
        _nodes.Add(silo);
        return silo;
    }

    private Task<CliProcess.Result> RunClusterEvalAsync(string output, int tasks, int samples, params string[] extra) =>
        CliProcess.RunAsync(TimeSpan.FromMinutes(8), ["eval", "--cluster", servers.Redis, "--db", servers.Postgres, "--tasks", tasks.ToString(), "--samples", samples.ToString(), "--out", output, .. extra]);

    private string NodeOutputs() => string.Join("\n---\n", _nodes.Select(n => n.ReadyLine + "\n" + n.Output[^Math.Min(n.Output.Length, 3000)..]));

    private async Task<long> StoredSessionsAsync()
    {
        await using var data = NpgsqlDataSource.Create(servers.Postgres);
        await using var command = data.CreateCommand("SELECT COUNT(*) FROM sessions");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static List<JsonElement> ReadResults(string output) =>
        File.ReadAllLines(Path.Combine(output, "results.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

    private static Dictionary<(string, int), string> VerdictsByTaskAndSample(string output) =>
        ReadResults(output).ToDictionary(r => (r.GetProperty("task_id").GetString()!, r.GetProperty("sample_index").GetInt32()), r => r.GetProperty("verdict").GetString()!);

    [Fact]
    public async Task Three_silos_with_different_roles_give_the_same_results_as_the_embedded_mode()
    {
        servers.RequireRunning();
        Tools.RequireBandit();
        var endpoint = await StartSimulatorAsync(latencyMs: 0);
        await Task.WhenAll(StartSiloAsync("session,candidate", endpoint), StartSiloAsync("analyzer,scorer,api", endpoint), StartSiloAsync("session,candidate,analyzer", endpoint));
        var clusterOut = Path.Combine(_dir, "cluster");
        var embeddedOut = Path.Combine(_dir, "embedded");

        var cluster = await RunClusterEvalAsync(clusterOut, tasks: 25, samples: 4);
        var embedded = await CliProcess.RunAsync("eval", "--tasks", "25", "--samples", "4", "--out", embeddedOut);

        Assert.True(cluster.ExitCode == 0, cluster.Stderr + cluster.Stdout);
        Assert.True(embedded.ExitCode == 0, embedded.Stderr + embedded.Stdout);
        var clusterVerdicts = VerdictsByTaskAndSample(clusterOut);
        Assert.True(clusterVerdicts.Count >= 100, $"only {clusterVerdicts.Count} sessions");
        Assert.Equal(VerdictsByTaskAndSample(embeddedOut), clusterVerdicts);
        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(clusterOut, "metrics.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(embeddedOut, "metrics.json")));
        foreach (var field in new[] { "sessions", "secure", "vulnerable", "unknown", "secure_rate" })
        {
            Assert.Equal(b.RootElement.GetProperty("strategies")[0].GetProperty(field).ToString(), a.RootElement.GetProperty("strategies")[0].GetProperty(field).ToString());
        }
    }

    [Fact]
    public async Task A_silo_killed_mid_run_still_leaves_exactly_one_result_per_planned_session()
    {
        servers.RequireRunning();
        Tools.RequireBandit();
        var endpoint = await StartSimulatorAsync(latencyMs: 150);
        await StartSiloAsync("session,candidate", endpoint);
        await StartSiloAsync("analyzer,scorer", endpoint);
        var victim = await StartSiloAsync("session,candidate,analyzer", endpoint);
        var before = await StoredSessionsAsync();
        var output = Path.Combine(_dir, "killed");

        var run = RunClusterEvalAsync(output, tasks: 25, samples: 4);
        var watch = Stopwatch.StartNew();
        while (await StoredSessionsAsync() - before < 20 && !run.IsCompleted && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(run.IsCompleted, "the run ended before the silo could be killed: " + (await run).Stderr + NodeOutputs());

        victim.Kill();
        var result = await run;

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout + NodeOutputs());
        var results = ReadResults(output);
        Assert.Equal(100, results.Count);
        Assert.Equal(100, results.Select(r => r.GetProperty("session_id").GetString()).Distinct().Count());
        Assert.Equal(100, results.Select(r => (r.GetProperty("task_id").GetString(), r.GetProperty("sample_index").GetInt32())).Distinct().Count());
    }

    [Fact]
    public async Task A_silo_stopped_with_sigterm_exits_cleanly_and_its_sessions_are_still_completed()
    {
        servers.RequireRunning();
        Tools.RequireBandit();
        var endpoint = await StartSimulatorAsync(latencyMs: 150);
        await StartSiloAsync("session,candidate,analyzer,scorer", endpoint);
        var stopping = await StartSiloAsync("session,candidate,analyzer,scorer", endpoint);
        var before = await StoredSessionsAsync();
        var output = Path.Combine(_dir, "terminated");

        var run = RunClusterEvalAsync(output, tasks: 10, samples: 4);
        var watch = Stopwatch.StartNew();
        while (await StoredSessionsAsync() - before < 8 && !run.IsCompleted && watch.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.False(run.IsCompleted, "the run ended before the silo could be stopped: " + (await run).Stderr + NodeOutputs());

        stopping.Terminate();
        Assert.True(await stopping.WaitForExitAsync(TimeSpan.FromSeconds(40)), "silo did not stop within its shutdown timeout");
        Assert.Equal(0, stopping.ExitCode);
        var result = await run;

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout + NodeOutputs());
        Assert.Equal(40, ReadResults(output).Select(r => r.GetProperty("session_id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_poison_session_becomes_a_fault_record_with_its_reason_without_blocking_the_run()
    {
        servers.RequireRunning();
        Tools.RequireBandit();
        var endpoint = await StartSimulatorAsync(latencyMs: 0);
        var silo = await StartSiloAsync("all", endpoint);
        var operatorTenant = await CliProcess.RunAsync("tenants", "add", "ops-" + Guid.NewGuid().ToString("N")[..8], "--operator", "--db", servers.Postgres, "--secrets-key", Path.Combine(_dir, "secrets.key"));
        Assert.True(operatorTenant.ExitCode == 0, operatorTenant.Stderr);
        using var http = new HttpClient { BaseAddress = silo.HttpAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", operatorTenant.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        var runId = "run-poison-" + Guid.NewGuid().ToString("N")[..8];
        var task = new SessionTask("sg_cwe089_find_user", "builtin", "def find_user(conn, username):\n    \"\"\"Find a user.\"\"\"\n", null, "find_user", 89);
        SessionInput Input(string strategy) => new(runId, SessionIds.For(runId, task.Id, strategy, 0), task, strategy, 0, 1, "securegen-simulator", 0.8f, 512);

        // A client that skips the CLI's checks submits a session no silo can run, beside a healthy one.
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSecureGenSerialization();
        builder.UseOrleansClient(c => c
            .UseRedisClustering(o => o.ConfigurationOptions = ClusterAddress.Parse(servers.Redis))
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (OrleansHostExtensions.ClusterId, OrleansHostExtensions.ClusterId)));
        using var client = builder.Build();
        await client.StartAsync(TestContext.Current.CancellationToken);
        var run = client.Services.GetRequiredService<IClusterClient>().GetGrain<IRunGrain>(runId);
        await run.SubmitAsync(new RunSubmission([Input("no-such-strategy"), Input("baseline")], 4));
        var watch = Stopwatch.StartNew();
        RunStatus status;
        while (!(status = await run.GetStatusAsync()).IsFinished && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        await client.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal((1, 1), (status.Completed, status.Faulted));
        await using var store = new PostgresSessionStore(servers.Postgres);
        var fault = Assert.Single(await store.ListFaultsAsync(runId, TestContext.Current.CancellationToken));
        Assert.Equal(Input("no-such-strategy").SessionId, fault.SessionId);
        Assert.Contains("unknown strategy 'no-such-strategy'", fault.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await store.CountRunAsync(runId, TestContext.Current.CancellationToken));
        var api = await http.GetStringAsync($"/api/runs/{runId}/faults", TestContext.Current.CancellationToken);
        Assert.Contains("no-such-strategy", api, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }
}
