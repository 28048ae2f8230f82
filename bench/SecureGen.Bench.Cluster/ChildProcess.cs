using System.Diagnostics;

namespace SecureGen.Bench.Cluster;

/// <summary>A `securegen` (or script) child process; long-running ones are waited on for their ready line.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string? readyPrefix)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _ready.TrySetException(new InvalidOperationException("exited before ready"));
            }
            else if (readyPrefix is not null && e.Data.StartsWith(readyPrefix, StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static async Task<ChildProcess> StartSecureGenAsync(string readyPrefix, params string[] args)
    {
        var child = new ChildProcess(Process.Start(Info("dotnet", [Path.Combine(AppContext.BaseDirectory, "securegen.dll"), .. args]))!, readyPrefix);
        await child._ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return child;
    }

    /// <summary>Runs to the end and returns the wall-clock time; throws with the output on a non-zero exit.</summary>
    public static async Task<(TimeSpan Elapsed, string Output)> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var info = Info(file, args);
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? (watch.Elapsed, output) : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
    }

    public static Task<(TimeSpan Elapsed, string Output)> RunSecureGenAsync(params string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "securegen.dll"), .. args]);

    private static ProcessStartInfo Info(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return info;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
