using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SecureGen.Core.Generation.Configuration;

/// <summary>
/// Reads the LLM configuration from a YAML or JSON file and the environment. Keys come from the
/// endpoint's api_key, else the variable named by api_key_env, else OPENAI_API_KEY. Without a file (or
/// with a file that lists no endpoints) OPENAI_BASE_URL, when set, defines the one endpoint.
/// </summary>
public static class LlmConfigurationLoader
{
    public const string ApiKeyVariable = "OPENAI_API_KEY";
    public const string BaseUrlVariable = "OPENAI_BASE_URL";

    /// <param name="path">The file; null for environment only.</param>
    /// <param name="environment">Reads a variable; the process environment when null.</param>
    /// <exception cref="LlmConfigurationException">The file is missing or wrong.</exception>
    public static LlmConfiguration Load(string? path, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var file = path is null ? new LlmConfigurationFile() : Parse(path);
        var source = path ?? "environment";
        var endpoints = new List<LlmEndpointOptions>();
        foreach (var (section, i) in (file.Endpoints ?? []).Select((s, i) => (s, i)))
        {
            endpoints.Add(ToOptions(section, i, source, environment));
        }

        var duplicate = endpoints.GroupBy(e => e.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new LlmConfigurationException($"{source}: endpoint name '{duplicate.Key}' is used twice");
        }

        if (endpoints.Count == 0 && environment(BaseUrlVariable) is { Length: > 0 } baseUrl)
        {
            var options = new LlmEndpointOptions { BaseUrl = ParseUrl(baseUrl, BaseUrlVariable, "environment"), ApiKey = environment(ApiKeyVariable) ?? "not-needed" };
            options.Name = EndpointNameFor(options.BaseUrl);
            endpoints.Add(options);
        }

        var prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (model, price) in file.Prices ?? [])
        {
            if (price?.InputPerMillion is not { } input || price.OutputPerMillion is not { } output || input < 0 || output < 0)
            {
                throw new LlmConfigurationException($"{source}: price of '{model}' needs input_per_million and output_per_million, both >= 0");
            }

            prices[model] = new ModelPrice(input, output);
        }

        return new LlmConfiguration
        {
            Endpoints = endpoints,
            Prices = new PriceTable(prices),
            DefaultModel = file.DefaultModel,
            CachePath = file.Cache?.Path is { Length: > 0 } cachePath ? ExpandHome(cachePath) : null,
            Source = source,
        };
    }

    /// <summary>A stable endpoint name for a bare URL: host, port and path (never the key).</summary>
    public static string EndpointNameFor(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return baseUrl.GetComponents(UriComponents.HostAndPort | UriComponents.Path, UriFormat.Unescaped).TrimEnd('/');
    }

    private static LlmConfigurationFile Parse(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LlmConfigurationException($"cannot read LLM configuration '{path}': {e.Message}", e);
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<LlmConfigurationFile?>(text) ?? new LlmConfigurationFile();
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            throw new LlmConfigurationException($"LLM configuration '{path}' line {e.Start.Line}: {reason}", e);
        }
    }

    private static LlmEndpointOptions ToOptions(LlmConfigurationFile.EndpointSection s, int index, string source, Func<string, string?> environment)
    {
        var where = $"{source}: endpoint {s.Name ?? (index + 1).ToString()}";
        if (string.IsNullOrWhiteSpace(s.BaseUrl))
        {
            throw new LlmConfigurationException($"{where} has no base_url");
        }

        var url = ParseUrl(s.BaseUrl, "base_url", where);
        var key = s.ApiKey
            ?? (s.ApiKeyEnv is { } variable ? environment(variable) ?? throw new LlmConfigurationException($"{where}: environment variable {variable} (api_key_env) is not set") : null)
            ?? environment(ApiKeyVariable)
            ?? "not-needed";
        var auth = s.AuthHeader ?? "bearer";
        if (auth is not ("bearer" or "api-key"))
        {
            throw new LlmConfigurationException($"{where}: auth_header must be 'bearer' or 'api-key' (got '{auth}')");
        }

        var defaults = new LlmEndpointOptions();
        var options = new LlmEndpointOptions
        {
            Name = s.Name ?? EndpointNameFor(url),
            BaseUrl = url,
            ApiKey = key,
            AuthHeader = auth,
            ApiVersion = s.ApiVersion,
            Model = s.Model ?? s.Models?.FirstOrDefault() ?? defaults.Model,
            Models = s.Models ?? [],
            EmbeddingModel = s.EmbeddingModel ?? defaults.EmbeddingModel,
            Timeout = Seconds(s.TimeoutSeconds, defaults.Timeout, "timeout_seconds", where),
            MaxRetries = NonNegative(s.MaxRetries, defaults.MaxRetries, "max_retries", where),
            BackoffBase = Millis(s.BackoffBaseMs, defaults.BackoffBase, "backoff_base_ms", where),
            BackoffMax = Millis(s.BackoffMaxMs, defaults.BackoffMax, "backoff_max_ms", where),
            MaxRetryAfter = Seconds(s.MaxRetryAfterSeconds, defaults.MaxRetryAfter, "max_retry_after_seconds", where),
            MaxConcurrency = s.MaxConcurrency is { } c && c < 1 ? throw new LlmConfigurationException($"{where}: max_concurrency must be at least 1") : s.MaxConcurrency ?? defaults.MaxConcurrency,
            RequestsPerMinute = NonNegative(s.RequestsPerMinute, 0, "requests_per_minute", where),
            TokensPerMinute = NonNegative(s.TokensPerMinute, 0, "tokens_per_minute", where),
            CircuitBreakerFailures = NonNegative(s.CircuitBreakerFailures, defaults.CircuitBreakerFailures, "circuit_breaker_failures", where),
            CircuitBreakerCoolDown = Seconds(s.CircuitBreakerCoolDownSeconds, defaults.CircuitBreakerCoolDown, "circuit_breaker_cool_down_seconds", where),
            SupportsN = s.SupportsN ?? true,
        };
        return options;
    }

    private static Uri ParseUrl(string text, string key, string where) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new LlmConfigurationException($"{where}: {key} '{text}' is not an http(s) URL");

    private static int NonNegative(int? value, int fallback, string key, string where) =>
        value is < 0 ? throw new LlmConfigurationException($"{where}: {key} must not be negative") : value ?? fallback;

    private static TimeSpan Seconds(double? value, TimeSpan fallback, string key, string where) =>
        value is { } v ? (v > 0 ? TimeSpan.FromSeconds(v) : throw new LlmConfigurationException($"{where}: {key} must be positive")) : fallback;

    private static TimeSpan Millis(double? value, TimeSpan fallback, string key, string where) =>
        value is { } v ? (v >= 0 ? TimeSpan.FromMilliseconds(v) : throw new LlmConfigurationException($"{where}: {key} must not be negative")) : fallback;

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]) : path;
}
