namespace SecureGen.Core.Generation.Resilience;

/// <summary>Embeddings through the same guard (limits, retries, breaker) as the endpoint's chat calls.</summary>
public sealed class ResilientEmbeddingModel(IEmbeddingModel inner, EndpointGuard guard) : IEmbeddingModel
{
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var estimate = inputs.Sum(s => (s.Length / 4) + 1);
        var guarded = await guard.ExecuteAsync(ct => inner.EmbedAsync(inputs, ct), estimate, _ => estimate, cancellationToken);
        return guarded.Value;
    }
}
