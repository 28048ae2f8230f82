namespace SecureGen.Core.Generation;

/// <summary>Where an OpenAI-compatible endpoint is, how to call it, and how hard we may push it.</summary>
public sealed class LlmEndpointOptions
{
    /// <summary>Name used in logs, accounting and cache keys' provenance.</summary>
    public string Name { get; set; } = "default";

    /// <summary>Base URL including /v1, e.g. http://127.0.0.1:8000/v1.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8000/v1");

    /// <summary>API key; OPENAI_API_KEY when not given. Local servers accept any value.</summary>
    public string ApiKey { get; set; } = "not-needed";

    /// <summary>How the key is sent: "bearer" (Authorization header, OpenAI and most servers) or "api-key" (Azure OpenAI's header).</summary>
    public string AuthHeader { get; set; } = "bearer";

    /// <summary>Azure OpenAI deployments URLs need ?api-version=...; null for everyone else.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Default chat model of this endpoint.</summary>
    public string Model { get; set; } = "securegen-simulator";

    /// <summary>Other chat models this endpoint serves (requests for them are routed here).</summary>
    public IList<string> Models { get; init; } = [];

    /// <summary>Embedding model used for dense retrieval.</summary>
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>Time allowed for one HTTP attempt; a slower answer is a timeout and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt before the call counts as an infrastructure failure.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; doubles each retry, with jitter, up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the call fails instead of stalling a run.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Calls in flight at once against this endpoint.</summary>
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>Requests-per-minute budget; 0 means unlimited.</summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Tokens-per-minute budget (prompt + completion); 0 means unlimited.</summary>
    public int TokensPerMinute { get; set; }

    /// <summary>Consecutive failed attempts that open the circuit breaker; 0 disables it.</summary>
    public int CircuitBreakerFailures { get; set; } = 8;

    /// <summary>How long an open breaker fails calls fast before letting one probe through.</summary>
    public TimeSpan CircuitBreakerCoolDown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the endpoint honours the API's <c>n</c>. When false (or when it returns fewer choices than asked)
    /// the client asks once per sample with seed + index instead.
    /// </summary>
    public bool SupportsN { get; set; } = true;

    /// <summary>True when this endpoint serves <paramref name="model"/>.</summary>
    public bool Serves(string model) =>
        string.Equals(model, Model, StringComparison.Ordinal) || Models.Contains(model, StringComparer.Ordinal);
}
