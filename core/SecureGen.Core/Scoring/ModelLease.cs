namespace SecureGen.Core.Scoring;

/// <summary>The model to use for one batch (held until disposed), or why there is none.</summary>
public sealed class ModelLease : IDisposable
{
    private LoadedModel? _loaded;

    internal ModelLease(LoadedModel? loaded, string? unavailableReason)
    {
        _loaded = loaded;
        UnavailableReason = unavailableReason;
    }

    public VulnerabilityModel? Model => _loaded?.Model;

    public string? UnavailableReason { get; }

    public void Dispose() => Interlocked.Exchange(ref _loaded, null)?.Release();
}
