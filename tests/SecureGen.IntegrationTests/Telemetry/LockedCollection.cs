using System.Collections.ObjectModel;

namespace SecureGen.IntegrationTests.Telemetry;

/// <summary>A collection the in-memory exporters may add to from any thread while the test reads snapshots.</summary>
internal sealed class LockedCollection<T> : Collection<T>
{
    private readonly Lock _lock = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (_lock)
        {
            base.ClearItems();
        }
    }
}
