namespace SecureGen.Cli.Eval;

/// <summary>Counts finished sessions of the current run and completes when every planned one is done.</summary>
internal sealed class RunProgress
{
    private readonly HashSet<string> _pending;
    private readonly Dictionary<string, string> _faulted = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    public RunProgress(IEnumerable<string> plannedSessionIds)
    {
        _pending = [.. plannedSessionIds];
        Planned = _pending.Count;
        if (Planned == 0)
        {
            _done.TrySetResult();
        }
    }

    public int Planned { get; }

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

    public Task Completion => _done.Task;

    public void MarkCompleted(string sessionId) => Remove(sessionId, null);

    public void MarkFaulted(string sessionId, string reason) => Remove(sessionId, reason);

    private void Remove(string sessionId, string? fault)
    {
        lock (_gate)
        {
            if (!_pending.Remove(sessionId))
            {
                return;
            }

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
