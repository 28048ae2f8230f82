using System.Text.Json;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// Reads the harness's one report line, <c>SGRESULT &lt;nonce&gt; &lt;json&gt;</c>, from the sandbox's
/// stdout. Anything else (no line, two lines, a wrong nonce, bad JSON, an unknown outcome)
/// is a sandbox failure, never a pass. A warm run's report comes without a nonce (<c>SGRESULT &lt;json&gt;</c>):
/// it is read from a file only the run's supervisor held open.
/// </summary>
internal static class HarnessReportReader
{
    private const string Prefix = "SGRESULT ";

    /// <summary>The run's result, or null with <paramref name="problem"/> saying why the report is unusable.</summary>
    public static SandboxResult? Read(string stdout, string? nonce, TimeSpan duration, out string problem)
    {
        var marker = nonce is null ? Prefix : $"{Prefix}{nonce} ";
        var lines = stdout.Split('\n').Where(l => l.StartsWith(marker, StringComparison.Ordinal)).ToList();
        if (lines.Count != 1)
        {
            problem = lines.Count == 0 ? "the harness wrote no report" : "the harness wrote more than one report";
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(lines[0][marker.Length..]);
            var root = doc.RootElement;
            var status = root.GetProperty("status").GetString() switch
            {
                "completed" => SandboxRunStatus.Completed,
                "timed_out" => SandboxRunStatus.TimedOut,
                "crashed" => SandboxRunStatus.Crashed,
                "sandbox_failure" => SandboxRunStatus.SandboxFailure,
                var other => throw new FormatException($"unknown run status '{other}'"),
            };
            var tests = root.GetProperty("tests").EnumerateArray().Select(ReadTest).ToList();
            problem = string.Empty;
            return new SandboxResult(
                status,
                tests,
                duration,
                Captured(root, "stdout"),
                Captured(root, "stderr"),
                root.GetProperty("message").GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            problem = $"the harness report is malformed: {e.Message}";
            return null;
        }
    }

    private static SandboxTestResult ReadTest(JsonElement test)
    {
        var outcome = test.GetProperty("outcome").GetString() switch
        {
            "passed" => TestOutcome.Passed,
            "failed" => TestOutcome.Failed,
            "errored" => TestOutcome.Errored,
            "skipped" => TestOutcome.Skipped,
            "timed_out" => TestOutcome.TimedOut,
            "not_run" => TestOutcome.NotRun,
            var other => throw new FormatException($"unknown test outcome '{other}'"),
        };
        var seconds = test.GetProperty("duration").GetDouble();
        return new SandboxTestResult(
            test.GetProperty("id").GetString() ?? throw new FormatException("test without id"),
            outcome,
            test.GetProperty("message").GetString() ?? string.Empty,
            TimeSpan.FromSeconds(double.IsFinite(seconds) && seconds >= 0 ? seconds : 0));
    }

    private static string Captured(JsonElement root, string stream)
    {
        var text = root.GetProperty(stream).GetString() ?? string.Empty;
        return root.GetProperty($"{stream}_truncated").GetBoolean() ? text + "\n[... truncated]" : text;
    }
}
