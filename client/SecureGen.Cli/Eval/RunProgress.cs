using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Counts finished sessions of the current run (including those a resumed run found already stored)
/// with the tokens and cost they used and how their time split between waiting on the model and the
/// rest (analysis, tests, scoring, queues), and completes when every planned one is done.
/// </summary>
internal sealed class RunProgress
{
    private readonly HashSet<string> _pending;
    private readonly Dictionary<string, string> _faulted = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private long _tokens;
    private double _cost;
    private bool _costKnown;
    private double _modelMs;
    private double _sessionMs;

    public RunProgress(IEnumerable<string> pendingSessionIds, int alreadyDone = 0)
    {
        _pending = [.. pendingSessionIds];
        AlreadyDone = alreadyDone;
        Planned = _pending.Count + alreadyDone;
        if (_pending.Count == 0)
        {
            _done.TrySetResult();
        }
    }

    public int Planned { get; }

    /// <summary>Sessions a resumed run found stored before it started.</summary>
    public int AlreadyDone { get; }

    public int Finished
    {
        get
        {
            lock (_gate)
            {
                return Planned - _pending.Count;
            }
        }
    }

    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Null while no finished session reported a cost.</summary>
    public double? Cost
    {
        get
        {
            lock (_gate)
            {
                return _costKnown ? _cost : null;
            }
        }
    }

    public IReadOnlyDictionary<string, string> Faulted
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, string>(_faulted);
            }
        }
    }

    /// <summary>
    /// Share of the finished sessions' time spent waiting on model calls (their latency over the sessions'
    /// durations, capped at 1: calls of one session can overlap); null before any session reported a duration.
    /// The rest is the pipeline's own time: analysis, sandboxed tests, scoring and waiting in their queues.
    /// </summary>
    public double? ModelWaitShare
    {
        get
        {
            lock (_gate)
            {
                return _sessionMs > 0 ? Math.Min(1, _modelMs / _sessionMs) : null;
            }
        }
    }

    public Task Completion => _done.Task;

    /// <summary>A finished session: its usage, and how long it took and waited on (uncached) model calls.</summary>
    public void MarkCompleted(string sessionId, long tokens = 0, double? cost = null, double modelMs = 0, double sessionMs = 0)
    {
        lock (_gate)
        {
            if (_pending.Contains(sessionId) && sessionMs > 0)
            {
                _sessionMs += sessionMs;
                _modelMs += Math.Max(0, modelMs);
            }
        }

        Remove(sessionId, null, tokens, cost);
    }

    /// <summary>A finished session with its stored result: usage and time split as the result records them.</summary>
    public void MarkCompleted(SessionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MarkCompleted(result.SessionId, SessionUsage.Tokens(result), SessionUsage.CostUsd(result), SessionUsage.ModelMilliseconds(result), result.DurationMs);
    }

    public void MarkFaulted(string sessionId, string reason) => Remove(sessionId, reason, 0, null);

    /// <summary>Usage of sessions stored before this process started (a resumed run).</summary>
    public void AddStoredUsage(long tokens, double? cost)
    {
        lock (_gate)
        {
            AddUsage(tokens, cost);
        }
    }

    private void AddUsage(long tokens, double? cost)
    {
        Interlocked.Add(ref _tokens, tokens);
        if (cost is { } c)
        {
            _cost += c;
            _costKnown = true;
        }
    }

    private void Remove(string sessionId, string? fault, long tokens, double? cost)
    {
        lock (_gate)
        {
            // A redelivered session completes twice; only the first counts.
            if (!_pending.Remove(sessionId))
            {
                return;
            }

            AddUsage(tokens, cost);

            if (fault is not null)
            {
                _faulted[sessionId] = fault;
            }

            if (_pending.Count == 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
