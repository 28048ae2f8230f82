namespace SecureGen.Core.Generation;

/// <summary>Where the OpenAI-compatible endpoint is and how to call it.</summary>
public sealed class LlmEndpointOptions
{
    /// <summary>Base URL including /v1, e.g. http://127.0.0.1:8000/v1.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8000/v1");

    /// <summary>API key; OPENAI_API_KEY when not given. Local servers accept any value.</summary>
    public string ApiKey { get; set; } = "not-needed";

    public string Model { get; set; } = "securegen-simulator";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>How many times the SDK retries a failed call before it counts as an infrastructure failure.</summary>
    public int MaxRetries { get; set; } = 3;
}
