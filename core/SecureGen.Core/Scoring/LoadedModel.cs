namespace SecureGen.Core.Scoring;

/// <summary>
/// A model shared by in-flight batches: reference-counted so that a version switch never disposes a model a
/// batch is still running; the last release disposes it.
/// </summary>
internal sealed class LoadedModel(VulnerabilityModel model)
{
    private int _references = 1; // the registry's own

    public VulnerabilityModel Model { get; } = model;

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Model.Dispose();
        }
    }
}
