namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>
/// Hands out sandbox uids from a range, one per concurrent run. A lock file per uid (flock
/// through FileShare.None) keeps other processes using the same work root off a uid in use;
/// a round-robin cursor keeps a just-released uid from being reused while its processes exit.
/// </summary>
internal sealed class SandboxUidPool : IDisposable
{
    private readonly int _first;
    private readonly int _count;
    private readonly string _lockDirectory;
    private readonly SemaphoreSlim _free;
    private readonly Dictionary<int, FileStream> _held = [];
    private int _cursor;

    public SandboxUidPool(int first, int last, string lockDirectory)
    {
        _first = first;
        _count = last - first + 1;
        _lockDirectory = lockDirectory;
        _free = new SemaphoreSlim(_count, _count);
    }

    /// <summary>A leased uid, or null when other processes hold every uid in the range.</summary>
    public async Task<SandboxUidLease?> AcquireAsync(CancellationToken cancellationToken)
    {
        await _free.WaitAsync(cancellationToken);
        lock (_held)
        {
            for (var tried = 0; tried < _count; tried++)
            {
                var uid = _first + _cursor;
                _cursor = (_cursor + 1) % _count;
                if (_held.ContainsKey(uid))
                {
                    continue;
                }

                try
                {
                    var path = Path.Combine(_lockDirectory, $"{uid}.lock");
                    _held[uid] = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return new SandboxUidLease(this, uid);
                }
                catch (IOException)
                {
                    // Another process runs a sandbox under this uid.
                }
            }
        }

        _free.Release();
        return null;
    }

    internal void Release(int uid)
    {
        lock (_held)
        {
            if (_held.Remove(uid, out var lockFile))
            {
                lockFile.Dispose();
            }
        }

        _free.Release();
    }

    public void Dispose()
    {
        lock (_held)
        {
            foreach (var lockFile in _held.Values)
            {
                lockFile.Dispose();
            }

            _held.Clear();
        }

        _free.Dispose();
    }
}
