using System.ClientModel;
using OpenAI;
using OpenAI.Embeddings;
using SecureGen.Core.Generation;

namespace SecureGen.Core.Retrieval;

/// <summary>
/// A minimal <see cref="IEmbeddingModel"/> on the OpenAI SDK, so dense retrieval works before the
/// LLM layer's own embedding client (issue 4) is merged. It is registered only when no other
/// IEmbeddingModel is; delete it once that one is in.
/// </summary>
public sealed class InterimEmbeddingModel : IEmbeddingModel
{
    private readonly EmbeddingClient _client;
    private readonly Uri _baseUrl;

    public InterimEmbeddingModel(Uri baseUrl, string apiKey, string model)
    {
        _baseUrl = baseUrl;
        _client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = baseUrl }).GetEmbeddingClient(model);
    }

    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        try
        {
            var result = await _client.GenerateEmbeddingsAsync(inputs, cancellationToken: cancellationToken);
            return result.Value.OrderBy(e => e.Index).Select(e => e.ToFloats().ToArray()).ToList();
        }
        catch (ClientResultException e)
        {
            throw new LlmEndpointException($"embedding endpoint {_baseUrl} answered HTTP {e.Status}: {e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            throw new LlmEndpointException($"embedding endpoint {_baseUrl} is unreachable: {e.Message}", e);
        }
    }
}
