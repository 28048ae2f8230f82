using System.ClientModel.Primitives;

namespace SecureGen.Core.Generation;

/// <summary>Azure OpenAI's classic deployment URLs want the key in an api-key header and an api-version query parameter.</summary>
internal sealed class AzureCompatibilityPolicy(LlmEndpointOptions options) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Adjust(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Adjust(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Adjust(PipelineMessage message)
    {
        if (string.Equals(options.AuthHeader, "api-key", StringComparison.OrdinalIgnoreCase))
        {
            message.Request.Headers.Remove("Authorization");
            message.Request.Headers.Set("api-key", options.ApiKey);
        }

        if (options.ApiVersion is not null && message.Request.Uri is { } uri && !uri.Query.Contains("api-version=", StringComparison.Ordinal))
        {
            var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
            message.Request.Uri = new Uri(uri + separator + "api-version=" + Uri.EscapeDataString(options.ApiVersion));
        }
    }
}
