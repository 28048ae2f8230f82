namespace SecureGen.Core.Generation.Configuration;

/// <summary>The configuration file's shape (YAML, or JSON, which YAML reads too); snake_case keys; unknown keys are errors.</summary>
internal sealed class LlmConfigurationFile
{
    public string? DefaultModel { get; set; }

    public CacheSection? Cache { get; set; }

    public List<EndpointSection>? Endpoints { get; set; }

    public Dictionary<string, PriceSection>? Prices { get; set; }

    internal sealed class CacheSection
    {
        public string? Path { get; set; }
    }

    internal sealed class PriceSection
    {
        public double? InputPerMillion { get; set; }

        public double? OutputPerMillion { get; set; }
    }

    internal sealed class EndpointSection
    {
        public string? Name { get; set; }

        public string? BaseUrl { get; set; }

        public string? ApiKey { get; set; }

        public string? ApiKeyEnv { get; set; }

        public string? AuthHeader { get; set; }

        public string? ApiVersion { get; set; }

        public string? Model { get; set; }

        public List<string>? Models { get; set; }

        public string? EmbeddingModel { get; set; }

        public double? TimeoutSeconds { get; set; }

        public int? MaxRetries { get; set; }

        public double? BackoffBaseMs { get; set; }

        public double? BackoffMaxMs { get; set; }

        public double? MaxRetryAfterSeconds { get; set; }

        public int? MaxConcurrency { get; set; }

        public int? RequestsPerMinute { get; set; }

        public int? TokensPerMinute { get; set; }

        public int? CircuitBreakerFailures { get; set; }

        public double? CircuitBreakerCoolDownSeconds { get; set; }

        public bool? SupportsN { get; set; }
    }
}
