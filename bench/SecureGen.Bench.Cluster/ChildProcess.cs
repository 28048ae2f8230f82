using System.Diagnostics;

namespace SecureGen.Bench.Cluster;

/// <summary>A `securegen` (or script) child process; long-running ones are waited on for their ready line.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Prefix, TaskCompletionSource Seen)> _watches = [];
    private readonly System.Text.StringBuilder _output = new();
    private bool _disposed;

    private ChildProcess(Process process, string? readyPrefix)
    {
        _process = process;
        Id = process.Id;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _ready.TrySetException(new InvalidOperationException($"exited before ready: {Output}"));
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
                foreach (var (prefix, seen) in _watches.Where(w => e.Data.Contains(w.Prefix, StringComparison.Ordinal)))
                {
                    seen.TrySetResult();
                }
            }

            if (readyPrefix is not null && e.Data.StartsWith(readyPrefix, StringComparison.Ordinal))
            {
                _ready.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id { get; }

    /// <summary>From process start to its ready line (for a silo: an active member of the cluster).</summary>
    public TimeSpan StartUp { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ChildProcess> StartSecureGenAsync(string readyPrefix, params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var child = new ChildProcess(Process.Start(Info("dotnet", [SecureGenDll, .. args]))!, readyPrefix);
        await child._ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
        child.StartUp = watch.Elapsed;
        return child;
    }

    /// <summary>A `securegen` run followed line by line (no ready line): <see cref="SeenAsync"/> and <see cref="WaitAsync"/>.</summary>
    public static ChildProcess StartSecureGen(params string[] args) => new(Process.Start(Info("dotnet", [SecureGenDll, .. args]))!, null);

    /// <summary>Completes when a line containing <paramref name="text"/> appears (only lines after this call count).</summary>
    public Task SeenAsync(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            _watches.Add((text, seen));
        }

        return seen.Task;
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"exited with {_process.ExitCode}: {Output}");
        }
    }

    /// <summary>SIGTERM and wait: a silo leaves the cluster gracefully, so the next scenario never calls a dead member.</summary>
    public async Task StopAsync()
    {
        if (!_disposed && !_process.HasExited)
        {
            await RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        Dispose();
    }

    /// <summary>SIGKILL of this process only: the silo gets no chance to hand anything back.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

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
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran for more than 5 minutes");
        }

        watch.Stop();
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? (watch.Elapsed, output) : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
    }

    public static Task<(TimeSpan Elapsed, string Output)> RunSecureGenAsync(params string[] args) => RunAsync("dotnet", [SecureGenDll, .. args]);

    private static string SecureGenDll => Path.Combine(AppContext.BaseDirectory, "securegen.dll");

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
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
