using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// The warm runner's fork server: one long-lived root process (harness.py --serve) per framework that
/// imported the test framework once and forks each run's PID 1 into fresh namespaces. It is told only
/// a run id and a job folder and answers with the run's exit status; the job's files and the report
/// stay in the folder, so the process every run is forked from never holds another session's data.
/// A server that dies fails its runs in flight and is started again for the next one.
/// </summary>
internal sealed class SandboxForkServer(SandboxOptions options, string harnessScript, string newRootDirectory, TestFramework framework) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _runs = new(StringComparer.Ordinal);
    private Process? _process;
    private string _diagnostics = string.Empty;
    private bool _disposed;

    /// <summary>The server process while it runs (tests kill it to check that its runs fail closed).</summary>
    internal int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>
    /// Runs the job prepared in <paramref name="jobDirectory"/>; the exit status of its PID 1, or null when it
    /// did not finish within <paramref name="backstop"/> and was killed.
    /// </summary>
    /// <exception cref="SandboxServerException">The server could not start or died during the run.</exception>
    public async Task<int?> RunAsync(string jobDirectory, TimeSpan backstop, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var finished = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _runs[id] = finished;
        try
        {
            await SendAsync($"run {id} {jobDirectory}\n", start: true, cancellationToken);
            try
            {
                return await finished.Task.WaitAsync(backstop, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                await KillAsync(id, finished);
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            }
        }
        finally
        {
            _runs.TryRemove(id, out _);
        }
    }

    private async Task KillAsync(string id, TaskCompletionSource<int> finished)
    {
        try
        {
            await SendAsync($"kill {id}\n", start: false, CancellationToken.None);
            await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or SandboxServerException)
        {
            // The server is gone or stuck; its runs die with it (parent-death signal).
        }
    }

    private async Task SendAsync(string line, bool start, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_process is null || _process.HasExited)
            {
                if (!start)
                {
                    throw new SandboxServerException("the sandbox server is not running");
                }

                _process = await StartAsync(cancellationToken);
            }

            try
            {
                await _process.StandardInput.WriteAsync(line.AsMemory(), cancellationToken);
                await _process.StandardInput.FlushAsync(cancellationToken);
            }
            catch (IOException e)
            {
                throw new SandboxServerException($"the sandbox server stopped taking runs: {e.Message}; {_diagnostics}");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Process> StartAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(options.PythonPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = "/",
        };
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        info.Environment["LANG"] = "C.UTF-8";
        string[] args = ["-I", "-B", harnessScript, "--serve", "--root", newRootDirectory, "--framework", framework == TestFramework.Pytest ? "pytest" : "unittest"];
        if (options.WarmPreload.Count > 0)
        {
            args = [.. args, "--preload", string.Join(',', options.WarmPreload)];
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = await SandboxProcessLauncher.StartAsync(info);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new SandboxServerException($"could not start the sandbox server ({options.PythonPath}): {e.Message}");
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _diagnostics = string.Empty;
        var diagnostics = Task.Run(() => ReadDiagnosticsAsync(process), CancellationToken.None);
        _ = Task.Run(() => ReadExitsAsync(process, ready, diagnostics), CancellationToken.None);
        try
        {
            await ready.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or SandboxServerException)
        {
            Stop(process);
            throw new SandboxServerException($"the sandbox server did not start: {(e is TimeoutException ? $"no answer within {StartTimeout.TotalSeconds:0} s" : e.Message)}");
        }

        return process;
    }

    private async Task ReadExitsAsync(Process process, TaskCompletionSource ready, Task diagnostics)
    {
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null)
        {
            var parts = line.Split(' ');
            if (parts is ["ready", _])
            {
                ready.TrySetResult();
            }
            else if (parts is ["exit", var id, var code] && _runs.TryGetValue(id, out var run)
                && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                run.TrySetResult(status);
            }
        }

        // The server is gone: whatever it was running has died with it.
        await process.WaitForExitAsync();
        try
        {
            await diagnostics.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A child still holds stderr; report what arrived.
        }

        var failure = new SandboxServerException($"the sandbox server exited with code {process.ExitCode}: {(_diagnostics.Length == 0 ? "no diagnostics on stderr" : _diagnostics)}");
        ready.TrySetException(failure);
        foreach (var run in _runs.Values)
        {
            run.TrySetException(failure);
        }
    }

    private async Task ReadDiagnosticsAsync(Process process)
    {
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null)
        {
            var text = _diagnostics.Length == 0 ? line : _diagnostics + "\n" + line;
            _diagnostics = text.Length <= 2000 ? text : text[^2000..];
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.StandardInput.Close();
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            if (_process is not null)
            {
                Stop(_process);
                _process.Dispose();
                _process = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
