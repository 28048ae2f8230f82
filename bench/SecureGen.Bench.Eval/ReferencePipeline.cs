using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;

namespace SecureGen.Bench.Eval;

/// <summary>
/// The papers' way, written for this bench: one task at a time, one completion over plain HTTP, the code
/// written to a file, one `bandit -f json` process per file. No taint analysis, no tests, no scorer.
/// </summary>
internal static class ReferencePipeline
{
    public static async Task<RunMeasurement> RunAsync(Uri baseUrl, IReadOnlyList<BenchmarkTask> tasks, int samples, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        var folder = Directory.CreateTempSubdirectory("sg-bench-reference-");
        var self = Process.GetCurrentProcess();
        var ownBefore = self.TotalProcessorTime;
        var childrenBefore = ChildrenSeconds();
        var clock = Stopwatch.StartNew();
        var flagged = 0;
        var sessions = 0;
        try
        {
            foreach (var task in tasks)
            {
                for (var sample = 0; sample < samples; sample++)
                {
                    var message = PromptTemplates.TaskMessage(new SessionTask(task.Id, task.Dataset, task.Prompt, task.PromptCode, task.EntryPoint, task.Cwe));
                    var reply = await http.PostAsJsonAsync("chat/completions", new
                    {
                        model = "securegen-simulator",
                        messages = new[] { new { role = "user", content = message } },
                        temperature = 0.8,
                        seed = sample,
                    }, cancellationToken);
                    reply.EnsureSuccessStatusCode();
                    using var body = JsonDocument.Parse(await reply.Content.ReadAsStringAsync(cancellationToken));
                    var content = body.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? string.Empty;
                    var code = CodeExtractor.Extract(content, task.PromptCode, task.EntryPoint).Code;
                    var file = Path.Combine(folder.FullName, $"{task.Id}_{sample}.py");
                    await File.WriteAllTextAsync(file, code, cancellationToken);
                    flagged += await BanditFindsSomethingAsync(file, cancellationToken) ? 1 : 0;
                    sessions++;
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        clock.Stop();
        self.Refresh();
        var children = ChildrenSeconds() - childrenBefore;
        // The bench process also hosts the simulator, so its own CPU is not the pipeline's: only bandit's is counted.
        return new RunMeasurement("sequential reference (HTTP + bandit process per task)", sessions, clock.Elapsed,
            new Dictionary<string, double> { ["bandit processes"] = children, ["bench process (client + simulator)"] = (self.TotalProcessorTime - ownBefore).TotalSeconds },
            children, $"{flagged} flagged by bandit");
    }

    private static async Task<bool> BanditFindsSomethingAsync(string file, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/usr/bin/bandit") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-f", "json", "-q", file })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bandit");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        using var report = JsonDocument.Parse(await stdout);
        return report.RootElement.GetProperty("results").GetArrayLength() > 0;
    }

    /// <summary>CPU seconds of this process's reaped children (cutime + cstime in /proc/self/stat).</summary>
    private static double ChildrenSeconds()
    {
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }
}
