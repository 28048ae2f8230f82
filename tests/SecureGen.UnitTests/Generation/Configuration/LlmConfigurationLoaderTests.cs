using SecureGen.Core.Generation.Configuration;

namespace SecureGen.UnitTests.Generation.Configuration;

public sealed class LlmConfigurationLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_yaml_file_gives_endpoints_limits_prices_and_the_cache_path()
    {
        var path = Write("llm.yaml", """
            default_model: gpt-4o-mini
            cache:
              path: /tmp/shared-cache.db
            endpoints:
              - name: openai
                base_url: https://api.openai.com/v1
                api_key_env: MY_KEY
                models: [gpt-4o-mini, gpt-4o]
                max_concurrency: 8
                requests_per_minute: 500
                tokens_per_minute: 200000
                max_retries: 6
                backoff_base_ms: 250
                timeout_seconds: 30
                circuit_breaker_failures: 4
                circuit_breaker_cool_down_seconds: 10
              - name: local
                base_url: http://127.0.0.1:8000/v1
                model: qwen2.5-coder
                supports_n: false
            prices:
              gpt-4o-mini: { input_per_million: 0.15, output_per_million: 0.60 }
            """);

        var config = LlmConfigurationLoader.Load(path, Env(("MY_KEY", "sk-test")));

        Assert.Equal("gpt-4o-mini", config.DefaultModel);
        Assert.Equal("/tmp/shared-cache.db", config.CachePath);
        var openai = config.Endpoints[0];
        Assert.Equal(("openai", "sk-test", "gpt-4o-mini", 8, 500, 200000, 6), (openai.Name, openai.ApiKey, openai.Model, openai.MaxConcurrency, openai.RequestsPerMinute, openai.TokensPerMinute, openai.MaxRetries));
        Assert.Equal(TimeSpan.FromMilliseconds(250), openai.BackoffBase);
        Assert.Equal(TimeSpan.FromSeconds(30), openai.Timeout);
        Assert.Equal((4, TimeSpan.FromSeconds(10)), (openai.CircuitBreakerFailures, openai.CircuitBreakerCoolDown));
        Assert.Same(openai, config.EndpointFor("gpt-4o"));
        Assert.Same(config.Endpoints[1], config.EndpointFor("qwen2.5-coder"));
        Assert.False(config.Endpoints[1].SupportsN);
        Assert.Equal("not-needed", config.Endpoints[1].ApiKey);
        Assert.Equal(0.15 * 2 + 0.60, config.Prices.Cost("gpt-4o-mini-2024-07-18", 2_000_000, 1_000_000), 9);
    }

    [Fact]
    public void A_json_file_works_the_same_way()
    {
        var path = Write("llm.json", """
            { "endpoints": [ { "base_url": "http://localhost:11434/v1", "model": "llama3", "requests_per_minute": 60 } ],
              "prices": { "llama3": { "input_per_million": 0, "output_per_million": 0 } } }
            """);

        var config = LlmConfigurationLoader.Load(path, Env(("OPENAI_API_KEY", "from-env")));

        var endpoint = Assert.Single(config.Endpoints);
        Assert.Equal(("localhost:11434/v1", "llama3", 60, "from-env"), (endpoint.Name, endpoint.Model, endpoint.RequestsPerMinute, endpoint.ApiKey));
    }

    [Fact]
    public void Without_a_file_OPENAI_BASE_URL_and_OPENAI_API_KEY_define_the_endpoint()
    {
        var config = LlmConfigurationLoader.Load(null, Env(("OPENAI_BASE_URL", "https://example.test/v1"), ("OPENAI_API_KEY", "k")));

        var endpoint = Assert.Single(config.Endpoints);
        Assert.Equal((new Uri("https://example.test/v1"), "k"), (endpoint.BaseUrl, endpoint.ApiKey));
    }

    [Fact]
    public void A_misspelt_key_is_an_error_naming_the_file_and_line()
    {
        var path = Write("bad.yaml", "endpoints:\n  - base_url: http://x/v1\n    max_concurency: 3\n");

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfigurationLoader.Load(path, Env()));

        Assert.StartsWith($"LLM configuration '{path}' line 3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_concurency", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("endpoints:\n  - base_url: ftp://x\n", "base_url 'ftp://x' is not an http(s) URL")]
    [InlineData("endpoints:\n  - model: m\n", "has no base_url")]
    [InlineData("endpoints:\n  - base_url: http://x/v1\n    api_key_env: NOPE\n", "environment variable NOPE (api_key_env) is not set")]
    [InlineData("endpoints:\n  - base_url: http://x/v1\n    max_concurrency: 0\n", "max_concurrency must be at least 1")]
    [InlineData("prices:\n  m: { input_per_million: 1 }\n", "price of 'm' needs input_per_million and output_per_million")]
    [InlineData("endpoints:\n  - {name: a, base_url: 'http://x/v1'}\n  - {name: a, base_url: 'http://y/v1'}\n", "endpoint name 'a' is used twice")]
    public void Wrong_values_are_one_line_errors_that_say_what_is_wrong(string yaml, string expected)
    {
        var path = Write("wrong.yaml", yaml);

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfigurationLoader.Load(path, Env()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfigurationLoader.Load(Path.Combine(_dir, "none.yaml"), Env()));

        Assert.StartsWith("cannot read LLM configuration", error.Message, StringComparison.Ordinal);
    }
}
