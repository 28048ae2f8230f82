using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace SecureGen.Core.Generation;

/// <summary>
/// Builds the SDK client for an endpoint. The SDK's own retry policy is switched off: our retry layer
/// (with Retry-After, jitter and the circuit breaker) is the only one that counts.
/// </summary>
internal static class OpenAiClientFactory
{
    public static OpenAIClient Create(LlmEndpointOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            // Our per-attempt timeout (driven by TimeProvider) fires first; this is only a safety net.
            NetworkTimeout = options.Timeout + options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (string.Equals(options.AuthHeader, "api-key", StringComparison.OrdinalIgnoreCase) || options.ApiVersion is not null)
        {
            clientOptions.AddPolicy(new AzureCompatibilityPolicy(options), PipelinePosition.BeforeTransport);
        }

        return new OpenAIClient(new ApiKeyCredential(options.ApiKey), clientOptions);
    }
}
