using System.Diagnostics;
using System.Text;

namespace SecureGen.IntegrationTests.Support;

/// <summary>A long-running `securegen` child process (silo or simulator): waits for its ready line, stops by PID.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(Process process, string readyPrefix)
    {
        _process = process;
        void OnLine(string? line)
        {
            if (line is null)
            {
                _ready.TrySetException(new InvalidOperationException($"process exited before it was ready: {Output}"));
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (line.StartsWith(readyPrefix, StringComparison.Ordinal))
            {
                _ready.TrySetResult(line);
            }
        }

        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public string ReadyLine { get; private set; } = string.Empty;

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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static async Task<NodeProcess> StartAsync(string readyPrefix, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "securegen.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var node = new NodeProcess(Process.Start(info)!, readyPrefix);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        node.ReadyLine = await node._ready.Task.WaitAsync(timeout.Token);
        return node;
    }

    /// <summary>The silo's HTTP base address from its ready line.</summary>
    public Uri HttpAddress => new(ReadyLine.Split(' ').First(p => p.StartsWith("http=", StringComparison.Ordinal))["http=".Length..]);

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as Kubernetes sends it.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
