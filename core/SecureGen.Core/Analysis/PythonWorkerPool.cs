using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureGen.Core.Analysis;

/// <summary>
/// A pool of persistent Python analysis workers (Bandit and the taint analyzer in one process,
/// imported once). A worker that crashes, hangs past the per-file timeout or breaks the
/// protocol is killed; the file it held is Unknown and a fresh worker takes its slot.
/// </summary>
public sealed partial class PythonWorkerPool : ICodeAnalyzer, ISyntaxChecker, IAsyncDisposable
{
    private readonly PythonWorkerOptions _options;
    private readonly ILogger _logger;
    private readonly VerdictPolicy _policy;
    private readonly Channel<PythonWorkerProcess?> _slots;
    private readonly List<PythonWorkerProcess> _live = [];
    private readonly Lazy<string> _script;
    private int _restarts;
    private bool _disposed;

    public PythonWorkerPool(PythonWorkerOptions options, ILogger<PythonWorkerPool>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _policy = new VerdictPolicy(options.MinimumSeverity);
        _script = new Lazy<string>(() => WorkerScriptLocator.Locate(options.WorkerScript));
        _slots = Channel.CreateBounded<PythonWorkerProcess?>(options.WorkerCount);
        for (var i = 0; i < options.WorkerCount; i++)
        {
            _slots.Writer.TryWrite(null);
        }
    }

    /// <summary>How many workers were replaced after a crash, hang or protocol error.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    internal IReadOnlyList<int> LiveProcessIds
    {
        get
        {
            lock (_live)
            {
                return _live.Where(w => !w.HasExited).Select(w => w.ProcessId).ToList();
            }
        }
    }

    public async Task<AnalysisReport> AnalyzeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var request = new JsonObject
        {
            ["op"] = "analyze",
            ["code"] = code,
            ["analyzers"] = new JsonArray(_options.Analyzers.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
        };

        JsonElement response;
        try
        {
            response = await SendAsync(request, cancellationToken);
        }
        catch (WorkerFailedException e)
        {
            return AnalysisReport.Unknown($"analysis worker failed: {e.Message}");
        }

        if (!response.GetProperty("ok").GetBoolean())
        {
            return AnalysisReport.Unknown($"analysis worker rejected the request: {response.GetProperty("error").GetString()}");
        }

        var syntax = ReadSyntaxError(response);
        var runs = new List<ToolRun>();
        if (response.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Object)
        {
            foreach (var tool in tools.EnumerateObject())
            {
                runs.Add(WorkerFindingReader.ReadToolRun(tool.Name, tool.Value));
            }
        }

        return _policy.Decide(_options.Analyzers, runs, syntax);
    }

    /// <summary>The analyzers this worker offers (its answer to "ping"): what <see cref="PythonWorkerOptions.Analyzers"/> may name.</summary>
    /// <exception cref="WorkerFailedException">The worker could not be started or did not answer.</exception>
    public async Task<IReadOnlyList<string>> GetAvailableAnalyzersAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(new JsonObject { ["op"] = "ping" }, cancellationToken);
        if (!response.TryGetProperty("analyzers", out var analyzers) || analyzers.ValueKind != JsonValueKind.Array)
        {
            throw new WorkerFailedException("analysis worker's answer to ping lists no analyzers");
        }

        return analyzers.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList();
    }

    public async Task<string?> FindSyntaxErrorAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var response = await SendAsync(new JsonObject { ["op"] = "parse", ["code"] = code }, cancellationToken);
        return ReadSyntaxError(response);
    }

    private static string? ReadSyntaxError(JsonElement response) =>
        response.TryGetProperty("syntax_error", out var s) && s.ValueKind == JsonValueKind.Object
            ? $"line {s.GetProperty("line").GetInt32()}: {s.GetProperty("message").GetString()}"
            : null;

    private async Task<JsonElement> SendAsync(JsonObject request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var worker = await _slots.Reader.ReadAsync(cancellationToken);
        try
        {
            if (worker is null || worker.HasExited)
            {
                if (worker is not null)
                {
                    Forget(worker);
                    Interlocked.Increment(ref _restarts);
                    LogWorkerRestarted(_logger, worker.ProcessId, "exited while idle");
                }

                worker = await StartWorkerAsync(cancellationToken);
            }

            var started = Stopwatch.GetTimestamp();
            var response = await worker.SendAsync(request, _options.PerFileTimeout, cancellationToken);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogAnalysed(_logger, worker.ProcessId, elapsedMs);
            return response;
        }
        catch (WorkerFailedException e)
        {
            if (worker is not null)
            {
                Forget(worker);
                Interlocked.Increment(ref _restarts);
                LogWorkerRestarted(_logger, worker.ProcessId, e.Message);
            }

            worker = null;
            throw;
        }
        catch (OperationCanceledException)
        {
            // The caller gave up mid-request: the worker's next line would be out of turn.
            if (worker is not null)
            {
                Forget(worker);
            }

            worker = null;
            throw;
        }
        finally
        {
            _slots.Writer.TryWrite(worker);
        }
    }

    private async Task<PythonWorkerProcess> StartWorkerAsync(CancellationToken cancellationToken)
    {
        string script;
        try
        {
            script = _script.Value;
        }
        catch (FileNotFoundException e)
        {
            throw new WorkerFailedException(e.Message, e);
        }

        var worker = await PythonWorkerProcess.StartAsync(_options.PythonPath, script, _options.StartTimeout, cancellationToken);
        lock (_live)
        {
            _live.Add(worker);
        }

        LogWorkerStarted(_logger, worker.ProcessId);
        return worker;
    }

    private void Forget(PythonWorkerProcess worker)
    {
        lock (_live)
        {
            _live.Remove(worker);
        }

        worker.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        lock (_live)
        {
            foreach (var worker in _live)
            {
                worker.Dispose();
            }

            _live.Clear();
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Started analysis worker {Pid}")]
    private static partial void LogWorkerStarted(ILogger logger, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis worker {Pid} replaced: {Reason}")]
    private static partial void LogWorkerRestarted(ILogger logger, int pid, string reason);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Analysis worker {Pid} answered in {Milliseconds} ms")]
    private static partial void LogAnalysed(ILogger logger, int pid, double milliseconds);
}
