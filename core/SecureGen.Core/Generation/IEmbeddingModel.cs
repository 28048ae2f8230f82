namespace SecureGen.Core.Generation;

/// <summary>Text embeddings from the configured endpoint (dense retrieval uses them). Throws <see cref="LlmEndpointException"/> when the endpoint finally fails.</summary>
public interface IEmbeddingModel
{
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken);
}
