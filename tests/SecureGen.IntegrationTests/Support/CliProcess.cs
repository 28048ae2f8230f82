using System.Diagnostics;

namespace SecureGen.IntegrationTests.Support;

/// <summary>Runs the real `securegen` CLI (built beside the tests) as a child process.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] args) => RunInAsync(AppContext.BaseDirectory, TimeSpan.FromMinutes(3), args);

    public static Task<Result> RunAsync(TimeSpan timeout, params string[] args) => RunInAsync(AppContext.BaseDirectory, timeout, args);

    public static Task<Result> RunInAsync(string workingDirectory, params string[] args) => RunInAsync(workingDirectory, TimeSpan.FromMinutes(3), args);

    /// <summary>Runs the CLI with the given working folder, so relative paths in its output stay short and stable.</summary>
    public static async Task<Result> RunInAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "securegen.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("OPENAI_BASE_URL");
        info.Environment["COLUMNS"] = "160";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, await stdout, $"timed out after {timeout}: {await stderr}");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
