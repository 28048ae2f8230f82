using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;

namespace SecureGen.Core.Generation;

/// <summary>Turns what the SDK throws into an <see cref="LlmEndpointException"/> that says whether a retry can help and how long to wait.</summary>
internal static class EndpointFailures
{
    public static LlmEndpointException Classify(Exception error, LlmEndpointOptions options, bool attemptTimedOut, TimeProvider clock) => error switch
    {
        _ when attemptTimedOut => new LlmEndpointException($"LLM endpoint {options.BaseUrl} timed out after {options.Timeout.TotalSeconds:0.###} s", error) { IsTransient = true },
        ClientResultException e when e.Status == 0 => new LlmEndpointException($"LLM endpoint {options.BaseUrl} is unreachable: {e.Message}", e) { IsTransient = true },
        ClientResultException e => new LlmEndpointException($"LLM endpoint {options.BaseUrl} answered HTTP {e.Status}: {FirstLine(e.Message)}", e)
        {
            StatusCode = e.Status,
            IsTransient = LlmEndpointException.IsTransientStatus(e.Status),
            RetryAfter = RetryAfterOf(e.GetRawResponse(), clock),
        },
        HttpRequestException e => new LlmEndpointException($"LLM endpoint {options.BaseUrl} is unreachable: {e.Message}", e) { IsTransient = true },
        JsonException or FormatException or InvalidOperationException or KeyNotFoundException =>
            new LlmEndpointException($"LLM endpoint {options.BaseUrl} sent a response that is not a chat completion: {error.Message}", error) { IsTransient = true },
        _ => new LlmEndpointException($"LLM endpoint {options.BaseUrl} failed: {error.Message}", error),
    };

    /// <summary>Reads retry-after-ms (OpenAI, Azure) or Retry-After as seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfterOf(PipelineResponse? response, TimeProvider clock)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        return response.Headers.TryGetValue("Retry-After", out var value) ? RetryAfterHeader.Parse(value, clock.GetUtcNow()) : null;
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
