using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Generation;

/// <summary>The real OpenAI SDK over HTTP against the simulator: sampling, retries, timeouts, embeddings.</summary>
public sealed class SdkOverSimulatorTests
{
    private static readonly ChatRequest PingTask = new(
        [ChatTurn.User("Complete the function `ping_host`.\n\n```python\nimport subprocess\n\n\ndef ping_host(host: str) -> str:\n    \"\"\"Ping host.\"\"\"\n```")],
        SimulatorServer.ModelName,
        Seed: 7,
        Samples: 6);

    private static LlmEndpointOptions EndpointFor(SimulatorServer server, Action<LlmEndpointOptions>? configure = null)
    {
        var options = new LlmEndpointOptions
        {
            Name = "simulator",
            BaseUrl = server.BaseUrl,
            Model = SimulatorServer.ModelName,
            BackoffBase = TimeSpan.FromMilliseconds(10),
            BackoffMax = TimeSpan.FromMilliseconds(50),
            CircuitBreakerFailures = 0,
        };
        configure?.Invoke(options);
        return options;
    }

    private static ResilientChatModel Client(LlmEndpointOptions options) => new(new OpenAiChatModel(options), options);

    [Fact]
    public async Task N_samples_with_a_seed_come_back_in_one_call_and_the_same_seed_gives_the_same_samples()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server));

        var first = await client.CompleteAsync(PingTask, TestContext.Current.CancellationToken);
        var again = await client.CompleteAsync(PingTask, TestContext.Current.CancellationToken);
        var otherSeed = await client.CompleteAsync(PingTask with { Seed = 8 }, TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Statistics.ChatRequests);
        Assert.Equal([0, 1, 2, 3, 4, 5], first.Choices.Select(c => c.Index));
        Assert.Equal(first.Choices.Select(c => c.Content), again.Choices.Select(c => c.Content));
        Assert.NotEqual(first.Choices.Select(c => c.Content), otherSeed.Choices.Select(c => c.Content));
        Assert.True(first.Choices.Select(c => c.Content).Distinct().Count() > 1, "samples of one request should differ by index");
        Assert.True(first.Simulated);
        Assert.True(first.PromptTokens > 0 && first.CompletionTokens > 0);
        Assert.All(server.Statistics.Requests, r => Assert.Equal(6, r.Samples));
    }

    [Fact]
    public async Task An_endpoint_configured_without_n_gets_one_request_per_sample_and_stays_reproducible()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server, o => o.SupportsN = false));

        var first = await client.CompleteAsync(PingTask, TestContext.Current.CancellationToken);
        var again = await client.CompleteAsync(PingTask, TestContext.Current.CancellationToken);

        Assert.Equal(12, server.Statistics.ChatRequests);
        Assert.Equal([7L, 8, 9, 10, 11, 12], server.Statistics.Requests.Take(6).Select(r => r.Seed!.Value).Order());
        Assert.Equal(first.Choices.Select(c => c.Content), again.Choices.Select(c => c.Content));
    }

    [Fact]
    public async Task A_429_with_Retry_After_is_waited_out_before_the_retry()
    {
        var options = new SimulatorOptions { RequestsPerMinute = 60, RateLimitBurst = 1 };
        await using var server = await SimulatorServer.StartAsync(options, TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server));

        await client.CompleteAsync(PingTask with { Samples = 1 }, TestContext.Current.CancellationToken);
        var started = Stopwatch.GetTimestamp();
        var reply = await client.CompleteAsync(PingTask with { Samples = 1 }, TestContext.Current.CancellationToken);
        var waited = Stopwatch.GetElapsedTime(started);

        var log = server.Statistics.Requests;
        Assert.Equal([200, 429, 200], log.Select(r => r.Status));
        Assert.Equal(1, reply.Retries);
        // Retry-After said 1 s; our own backoff alone would have retried after about 10 ms.
        Assert.True(log[2].At - log[1].At >= TimeSpan.FromMilliseconds(950), $"retried after {(log[2].At - log[1].At).TotalMilliseconds} ms");
        Assert.True(waited >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_endpoint_answers()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { FailFirstRequests = 2, ServerErrorStatus = 503 }, TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server));

        var reply = await client.CompleteAsync(PingTask, TestContext.Current.CancellationToken);

        Assert.Equal(2, reply.Retries);
        Assert.Equal([503, 503, 200], server.Statistics.Requests.Select(r => r.Status));
        Assert.Equal(6, reply.Choices.Count);
    }

    [Fact]
    public async Task A_server_that_keeps_failing_ends_in_an_endpoint_failure_after_the_configured_retries()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { ServerErrorRate = 1 }, TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server, o => o.MaxRetries = 3));

        var error = await Assert.ThrowsAsync<LlmEndpointException>(() => client.CompleteAsync(PingTask, TestContext.Current.CancellationToken));

        Assert.Equal(4, server.Statistics.ChatRequests);
        Assert.Equal(3, error.Retries);
        Assert.Contains("gave up after 3 retries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_server_times_out_each_attempt_and_the_call_fails_after_its_retries()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions { TimeoutRate = 1 }, TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        }));

        var started = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<LlmEndpointException>(() => client.CompleteAsync(PingTask, TestContext.Current.CancellationToken));

        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Assert.Contains("timed out after 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Retries);
        Assert.InRange(elapsed, 0.6, 60);

        // Two attempts were made: the client says so (one retry), and a server that answered would have
        // made the call succeed. How many requests reached the server is not the client's behaviour: with
        // a 300 ms timeout on a loaded machine an attempt can time out before its request arrives (seen:
        // neither did at load 28). The server can never have seen more than the two.
        Assert.InRange(server.Statistics.Hangs, 0, 2);
    }

    [Fact]
    public async Task Latency_and_tokens_per_second_slow_each_answer_down()
    {
        var options = new SimulatorOptions { LatencyMs = 200, TokensPerSecond = 2000 };
        await using var server = await SimulatorServer.StartAsync(options, TestContext.Current.CancellationToken);
        using var client = Client(EndpointFor(server));

        var reply = await client.CompleteAsync(PingTask with { Samples = 1 }, TestContext.Current.CancellationToken);

        var expectedMs = 200 + (reply.CompletionTokens * 1000.0 / 2000);
        Assert.InRange(reply.LatencyMs, expectedMs - 5, expectedMs + 2000);
    }

    [Fact]
    public async Task Embeddings_come_through_the_SDK_deterministic_and_similar_for_similar_text()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);
        var options = EndpointFor(server, o => o.EmbeddingModel = SimulatorServer.EmbeddingModelName);
        var embeddings = new ResilientEmbeddingModel(new OpenAiEmbeddingModel(options), new EndpointGuard(options));

        var vectors = await embeddings.EmbedAsync(["run a shell command with user input", "run a shell command with the user's input", "parse an XML document"], TestContext.Current.CancellationToken);
        var again = await embeddings.EmbedAsync(["run a shell command with user input"], TestContext.Current.CancellationToken);

        Assert.Equal(3, vectors.Count);
        Assert.Equal(vectors[0], again[0]);
        static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
        Assert.True(Cosine(vectors[0], vectors[1]) > Cosine(vectors[0], vectors[2]));
        Assert.Equal(2, server.Statistics.EmbeddingRequests);
    }

    [Fact]
    public async Task The_models_endpoint_lists_the_simulated_models()
    {
        await using var server = await SimulatorServer.StartAsync(new SimulatorOptions(), TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        using var models = await http.GetFromJsonAsync<JsonDocument>(new Uri(server.BaseUrl + "/models"), TestContext.Current.CancellationToken);

        var ids = models!.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal([SimulatorServer.ModelName, SimulatorServer.EmbeddingModelName], ids);
        Assert.All(models.RootElement.GetProperty("data").EnumerateArray(), m => Assert.Contains("simulated", m.GetProperty("owned_by").GetString(), StringComparison.Ordinal));
    }
}
