using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureGen.Core.Reporting;
using SecureGen.Core.Storage;
using SecureGen.IntegrationTests.Support;

namespace SecureGen.IntegrationTests.Cli;

/// <summary>A real CLI process killed with SIGKILL midway, then resumed, against an uninterrupted run with the same seeds.</summary>
public sealed class ResumeTests : IDisposable
{
    private const int Tasks = 6;
    private const int Samples = 4;
    private static readonly string[] Plan = ["eval", "--dataset", "builtin", "--strategy", "baseline", "--tasks", "6", "--samples", "4", "--seed", "77", "--concurrency", "2", "--analysis-workers", "2"];

    private readonly string _dir = Directory.CreateTempSubdirectory("sg-resume-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_run_killed_halfway_and_resumed_ends_with_one_result_per_session_and_the_metrics_of_an_uninterrupted_run()
    {
        Tools.RequireBandit();
        var ct = TestContext.Current.CancellationToken;
        var interrupted = Path.Combine(_dir, "interrupted");
        var whole = Path.Combine(_dir, "whole");

        var stored = await StartAndKillMidwayAsync([.. Plan, "--out", interrupted, "--simulator-latency-ms", "400"], interrupted, ct);
        Assert.InRange(stored, 1, (Tasks * Samples) - 1);
        Assert.False(File.Exists(Path.Combine(interrupted, "results.jsonl")));

        var resumed = await CliProcess.RunAsync([.. Plan, "--out", interrupted, "--resume"]);
        Assert.True(resumed.ExitCode == 0, $"exit {resumed.ExitCode}: {resumed.Stderr}{resumed.Stdout}");
        Assert.Contains($"resuming run", resumed.Stdout, StringComparison.Ordinal);

        var full = await CliProcess.RunAsync([.. Plan, "--out", whole]);
        Assert.True(full.ExitCode == 0, $"exit {full.ExitCode}: {full.Stderr}{full.Stdout}");

        var after = await ReadResultsAsync(interrupted, ct);
        var reference = await ReadResultsAsync(whole, ct);
        Assert.Equal(Tasks * Samples, after.Count);
        Assert.Equal(after.Count, after.Select(r => r["session_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Single(after.Select(r => r["run_id"]!.GetValue<string>()).Distinct());
        var manifest = RunManifest.TryLoad(interrupted)!;
        using (var store = new SqliteSessionStore(Path.Combine(interrupted, "securegen.db")))
        {
            Assert.Equal(Tasks * Samples, (await store.ListRunAsync(manifest.RunId, ct)).Count);
        }

        // Same seeds: every (task, sample) ends with the same code and verdict, so the figures match.
        Assert.Equal(Outcomes(reference), Outcomes(after));
        Assert.Equal(await FiguresAsync(whole, ct), await FiguresAsync(interrupted, ct));
    }

    [Fact]
    public async Task Resuming_with_different_settings_is_refused_in_one_line()
    {
        var output = Path.Combine(_dir, "run");
        new RunManifest("run-x", DateTimeOffset.UnixEpoch, 1, new Dictionary<string, string> { ["--samples"] = "3" }).Save(Directory.CreateDirectory(output).FullName);

        var run = await CliProcess.RunAsync("eval", "--samples", "5", "--out", output, "--resume");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.StartsWith("error: cannot resume run run-x with different settings: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_holding_a_run_is_not_reused_without_resume()
    {
        var output = Path.Combine(_dir, "run");
        new RunManifest("run-y", DateTimeOffset.UnixEpoch, 1, new Dictionary<string, string>()).Save(Directory.CreateDirectory(output).FullName);

        var run = await CliProcess.RunAsync("eval", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: output directory '{output}' already holds run run-y (pass --resume to continue it, or choose another --out)", run.Stderr.Trim());
    }

    [Fact]
    public async Task Resume_without_a_run_in_the_folder_is_refused()
    {
        var run = await CliProcess.RunAsync("eval", "--out", Path.Combine(_dir, "empty"), "--resume");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: nothing to resume: ", run.Stderr.Trim(), StringComparison.Ordinal);
    }

    private static async Task<int> StartAndKillMidwayAsync(string[] args, string output, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "securegen.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("OPENAI_BASE_URL");
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync(ct);
        _ = process.StandardError.ReadToEndAsync(ct);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var stored = 0;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            stored = await StoredAsync(output, ct);
            if (stored >= (Tasks * Samples) / 3)
            {
                break;
            }

            await Task.Delay(100, ct);
        }

        Assert.False(process.HasExited, "the run finished before it could be killed; raise --simulator-latency-ms");

        // SIGKILL to the CLI and its Python workers: no chance to flush or clean up.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(ct);
        return await StoredAsync(output, ct);
    }

    private static async Task<int> StoredAsync(string output, CancellationToken ct)
    {
        var manifest = File.Exists(Path.Combine(output, RunManifest.FileName)) ? RunManifest.TryLoad(output) : null;
        if (manifest is null || !File.Exists(Path.Combine(output, "securegen.db")))
        {
            return 0;
        }

        // The run may not have created its tables yet; migrations are idempotent and safe to run beside it.
        using var store = new SqliteSessionStore(Path.Combine(output, "securegen.db"));
        await store.InitializeAsync(ct);
        return await store.CountRunAsync(manifest.RunId, ct);
    }

    private static async Task<List<JsonNode>> ReadResultsAsync(string output, CancellationToken ct) =>
        [.. (await File.ReadAllLinesAsync(Path.Combine(output, "results.jsonl"), ct)).Select(l => JsonNode.Parse(l)!)];

    private static List<string> Outcomes(List<JsonNode> results) =>
        [.. results
            .Select(r => $"{r["task_id"]}|{r["sample_index"]}|{r["verdict"]}|{r["final_code"]}")
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// metrics.json without what legitimately differs between two runs: ids, timings, and LLM usage (sessions
    /// that were in flight at the kill find their replies in the cache on resume, so hits and cost differ).
    /// </summary>
    private static async Task<string> FiguresAsync(string output, CancellationToken ct)
    {
        var metrics = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metrics.json"), ct))!.AsObject();
        metrics.Remove("run_id");
        metrics.Remove("llm");
        foreach (var strategy in metrics["strategies"]!.AsArray())
        {
            foreach (var timing in new[] { "mean_session_ms", "p95_session_ms", "mean_llm_latency_ms", "llm", "cost_usd" })
            {
                strategy!.AsObject().Remove(timing);
            }
        }

        return metrics.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
