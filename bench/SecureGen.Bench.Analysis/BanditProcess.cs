using System.Diagnostics;
using System.Text.Json;

namespace SecureGen.Bench.Analysis;

/// <summary>The baseline: one `bandit -f json FILE` process per file, as a pipeline without a persistent worker would run it.</summary>
internal static class BanditProcess
{
    /// <summary>Runs bandit on one file and returns how many issues it reported; throws when bandit did not produce its JSON report.</summary>
    public static int Run(string bandit, string file)
    {
        var info = new ProcessStartInfo(bandit)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-q");
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add("json");
        info.ArgumentList.Add(file);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {bandit}");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // bandit exits 1 when it found issues; anything else, or no JSON, is a broken baseline.
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{bandit} exited with {process.ExitCode}: {stderr.Result}");
        }

        using var report = JsonDocument.Parse(output);
        return report.RootElement.GetProperty("results").GetArrayLength();
    }
}
