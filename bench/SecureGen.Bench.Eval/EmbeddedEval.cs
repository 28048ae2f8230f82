using System.Diagnostics;
using System.Text.Json;

namespace SecureGen.Bench.Eval;

/// <summary>
/// Runs the built CLI's `securegen eval` (embedded silo) as a child process against the bench's simulator,
/// with its process tree split into CPU groups, and reads what it wrote.
/// </summary>
internal static class EmbeddedEval
{
    public static async Task<RunMeasurement> RunAsync(string cli, Uri baseUrl, int concurrency, int samples, int? tasks, CancellationToken cancellationToken, bool cold = false, string? keepResultsAs = null)
    {
        var output = Directory.CreateTempSubdirectory("sg-bench-eval-");
        using var groups = CpuGroups.TryCreate($"securegen-bench-{Environment.ProcessId}-{concurrency}-{Guid.NewGuid():N}")
            ?? throw new InvalidOperationException("needs root and the cgroup v1 cpuacct controller at /sys/fs/cgroup/cpuacct to split CPU by process group");
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // The shell puts itself in the CLI group, then becomes the CLI: nothing of it runs outside the group.
        string[] args = ["-c", "echo $$ > \"$0\" && exec \"$@\"", groups.ProcsFile(CpuGroups.Cli), cli, "eval", "--dataset", "builtin", "--strategy", "baseline",
            "--samples", samples.ToString(System.Globalization.CultureInfo.InvariantCulture), "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--endpoint", baseUrl.ToString(), "--model", "securegen-simulator", "--out", output.FullName];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (tasks is { } limit)
        {
            info.ArgumentList.Add("--tasks");
            info.ArgumentList.Add(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (cold)
        {
            info.Environment["SECUREGEN_SANDBOX_COLD"] = "1";
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {cli}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        while (!process.HasExited)
        {
            groups.Sort();
            await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(20, cancellationToken));
        }

        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        // Stragglers (a server still shutting down) finish in their group; give them a moment to be counted.
        await Task.Delay(500, cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"securegen eval exited with code {process.ExitCode}: {await stderr}\n{await stdout}");
        }

        var parts = new Dictionary<string, double>
        {
            ["dotnet CLI (orchestration, LLM client, store, scorer)"] = groups.Seconds(CpuGroups.Cli),
            ["analysis workers (bandit + taint)"] = groups.Seconds(CpuGroups.Analysis),
            ["sandboxed tests"] = groups.Seconds(CpuGroups.Sandbox),
        };
        var (sessions, note) = Summarize(Path.Combine(output.FullName, "results.jsonl"));
        if (keepResultsAs is not null)
        {
            File.Copy(Path.Combine(output.FullName, "results.jsonl"), keepResultsAs, overwrite: true);
        }

        output.Delete(recursive: true);
        return new RunMeasurement($"securegen eval --concurrency {concurrency}{(cold ? ", cold sandbox runs" : string.Empty)}", sessions, clock.Elapsed, parts, parts.Values.Sum(),
            $"{note}; load average {MachineCpu.LoadAverage()} at the end");
    }

    private static (int Sessions, string Note) Summarize(string results)
    {
        int sessions = 0, tested = 0, scored = 0, unknown = 0;
        double modelMs = 0, sessionMs = 0;
        foreach (var line in File.ReadLines(results))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            sessions++;
            tested += root.GetProperty("judge").GetString() == "tests" ? 1 : 0;
            unknown += root.GetProperty("verdict").GetString() == "Unknown" ? 1 : 0;
            // The score is an object ({"status": "scored", ...}) or null, never a bare number.
            scored += root.GetProperty("score") is { ValueKind: JsonValueKind.Object } score
                && score.GetProperty("status").GetString() == "scored" ? 1 : 0;
            sessionMs += root.GetProperty("duration_ms").GetDouble();
            modelMs += root.GetProperty("llm_calls").EnumerateArray().Sum(c => c.GetProperty("latency_ms").GetDouble());
        }

        return (sessions, $"{tested} judged by sandboxed tests, {unknown} Unknown, {scored} scored; model wait {modelMs / Math.Max(1, sessionMs):P0} of session time");
    }
}
