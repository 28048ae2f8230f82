using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureGen.Core.Analysis;

/// <summary>One long-lived Python worker speaking JSON lines over stdin/stdout. Not thread-safe: the pool hands it to one caller at a time.</summary>
internal sealed class PythonWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderrTail = new();
    private long _nextId;

    private PythonWorkerProcess(Process process)
    {
        _process = process;
        ProcessId = process.Id;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderrTail)
            {
                _stderrTail.AppendLine(e.Data);
                if (_stderrTail.Length > 4000)
                {
                    _stderrTail.Remove(0, _stderrTail.Length - 4000);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Kept from start, so it can still be logged after the process is gone.</summary>
    public int ProcessId { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<PythonWorkerProcess> StartAsync(string python, string script, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        info.ArgumentList.Add("-B");
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add(script);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment.Remove("PYTHONPATH");

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new WorkerFailedException($"could not start {python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new WorkerFailedException($"could not start the analysis worker with '{python}': {e.Message}", e);
        }

        var worker = new PythonWorkerProcess(process);
        try
        {
            var ready = await worker.ReadLineAsync(startTimeout, cancellationToken);
            using var doc = JsonDocument.Parse(ready);
            if (!doc.RootElement.TryGetProperty("ready", out var r) || !r.GetBoolean())
            {
                throw new WorkerFailedException($"analysis worker did not report ready: {ready}");
            }

            return worker;
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Sends one request and waits for its answer; kills the process on timeout or protocol error.</summary>
    public async Task<JsonElement> SendAsync(JsonObject request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        request["id"] = id;
        try
        {
            await _process.StandardInput.WriteLineAsync(request.ToJsonString().AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException e)
        {
            Kill();
            throw new WorkerFailedException($"analysis worker {ProcessId} is gone: {e.Message}{StderrSuffix()}", e);
        }

        var line = await ReadLineAsync(timeout, cancellationToken);
        JsonElement response;
        try
        {
            response = JsonDocument.Parse(line).RootElement.Clone();
        }
        catch (JsonException e)
        {
            Kill();
            throw new WorkerFailedException($"analysis worker answered something that is not JSON: {Truncate(line)}", e);
        }

        if (!response.TryGetProperty("id", out var gotId) || gotId.ValueKind != JsonValueKind.Number || gotId.GetInt64() != id)
        {
            Kill();
            throw new WorkerFailedException($"analysis worker answered out of turn: {Truncate(line)}");
        }

        return response;
    }

    private async Task<string> ReadLineAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync(timeoutCts.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new WorkerFailedException($"analysis worker {ProcessId} did not answer within {timeout.TotalSeconds:0.###} s and was killed");
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        if (line is null)
        {
            Kill();
            throw new WorkerFailedException($"analysis worker {ProcessId} exited{StderrSuffix()}");
        }

        return line;
    }

    private string StderrSuffix()
    {
        lock (_stderrTail)
        {
            var tail = _stderrTail.ToString().Trim();
            return tail.Length == 0 ? string.Empty : $" (stderr: {Truncate(tail)})";
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "...";

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
