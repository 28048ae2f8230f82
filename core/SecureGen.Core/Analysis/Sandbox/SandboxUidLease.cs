namespace SecureGen.Core.Analysis.Sandbox;

/// <summary>A sandbox uid held for one run; disposing gives it back.</summary>
internal sealed class SandboxUidLease(SandboxUidPool pool, int uid) : IDisposable
{
    private int _released;

    public int Uid { get; } = uid;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            pool.Release(Uid);
        }
    }
}
