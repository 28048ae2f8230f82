namespace SecureGen.Core.Generation;

/// <summary>The LLM endpoint could not be reached or kept failing: an infrastructure failure, not a model result.</summary>
public sealed class LlmEndpointException : Exception
{
    public LlmEndpointException(string message) : base(message)
    {
    }

    public LlmEndpointException(string message, Exception inner) : base(message, inner)
    {
    }

    public LlmEndpointException()
    {
    }

    /// <summary>The HTTP status the endpoint answered with; null for a timeout or a connection failure.</summary>
    public int? StatusCode { get; init; }

    /// <summary>How long the endpoint asked us to wait (Retry-After / retry-after-ms), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True for failures worth retrying: 429, 500, 502, 503, 504, timeouts and dropped connections.</summary>
    public bool IsTransient { get; init; }

    /// <summary>How many retries were spent before giving up (set by the retrying layer).</summary>
    public int Retries { get; init; }

    /// <summary>True when the status code is one we retry.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;
}
