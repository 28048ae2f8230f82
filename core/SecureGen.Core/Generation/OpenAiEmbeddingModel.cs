using OpenAI;
using OpenAI.Embeddings;

namespace SecureGen.Core.Generation;

/// <summary>One HTTP attempt of an embeddings request through the SDK's EmbeddingClient. Retries are the resilient layer's job.</summary>
public sealed class OpenAiEmbeddingModel : IEmbeddingModel
{
    private readonly OpenAIClient _client;
    private readonly LlmEndpointOptions _options;
    private readonly TimeProvider _clock;

    public OpenAiEmbeddingModel(LlmEndpointOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _client = OpenAiClientFactory.Create(options);
    }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            return [];
        }

        var client = _client.GetEmbeddingClient(_options.EmbeddingModel);
        using var attempt = new CancellationTokenSource(_options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        try
        {
            var result = await client.GenerateEmbeddingsAsync(inputs, cancellationToken: linked.Token);
            var vectors = new float[inputs.Count][];
            foreach (var embedding in result.Value)
            {
                vectors[embedding.Index] = embedding.ToFloats().ToArray();
            }

            if (vectors.Any(v => v is null))
            {
                throw new LlmEndpointException($"LLM endpoint {_options.BaseUrl} returned {result.Value.Count} embeddings for {inputs.Count} inputs") { IsTransient = true };
            }

            return vectors;
        }
        catch (Exception e) when (e is not LlmEndpointException && !cancellationToken.IsCancellationRequested)
        {
            throw EndpointFailures.Classify(e, _options, attempt.IsCancellationRequested, _clock);
        }
    }
}
