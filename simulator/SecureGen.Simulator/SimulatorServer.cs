using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureGen.Core.Benchmarks;
using SecureGen.Core.Generation;

namespace SecureGen.Simulator;

/// <summary>The simulator as an OpenAI-compatible HTTP server on loopback. Dispose to stop it.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string ModelName = "securegen-simulator";

    private readonly WebApplication _app;

    private SimulatorServer(WebApplication app, Uri baseUrl, int knownTasks)
    {
        _app = app;
        BaseUrl = baseUrl;
        KnownTasks = knownTasks;
    }

    /// <summary>Base URL including /v1, ready for an OpenAI client.</summary>
    public Uri BaseUrl { get; }

    public int KnownTasks { get; }

    public static async Task<SimulatorServer> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var book = new CompletionBook(new BuiltinDatasetLoader().Load(options.TasksFolder));
        var engine = new SimulatorEngine(book, options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-SecureGen-Simulated"] = "true";
            await next(context);
        });
        app.MapGet("/v1/models", () => Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(new JsonObject { ["id"] = ModelName, ["object"] = "model", ["created"] = 0, ["owned_by"] = "securegen (simulated)" }),
        }));
        app.MapPost("/v1/chat/completions", (HttpContext http, CancellationToken ct) => ChatCompletionsAsync(http, engine, options, ct));
        app.MapPost("/v1/embeddings", EmbeddingsAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, new Uri(address.TrimEnd('/') + "/v1"), book.Count);
    }

    private static async Task<IResult> ChatCompletionsAsync(HttpContext http, SimulatorEngine engine, SimulatorOptions options, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Error(400, $"request body is not JSON: {e.Message}");
        }

        if (body?["messages"] is not JsonArray rawMessages || rawMessages.Count == 0)
        {
            return Error(400, "'messages' must be a non-empty array");
        }

        var messages = rawMessages.Select(m => new ChatTurn(m?["role"]?.GetValue<string>() ?? "user", ContentOf(m?["content"]))).ToList();
        var n = body["n"]?.GetValue<int>() ?? 1;
        if (n is < 1 or > 128)
        {
            return Error(400, "'n' must be between 1 and 128");
        }

        long? seed = body["seed"] is JsonValue s ? s.GetValue<long>() : null;
        var model = body["model"]?.GetValue<string>() ?? ModelName;
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, cancellationToken);
        }

        var promptTokens = messages.Sum(m => SimulatorEngine.EstimateTokens(m.Content));
        var choices = new JsonArray();
        var completionTokens = 0;
        for (var i = 0; i < n; i++)
        {
            var choice = engine.Complete(messages, seed, i);
            completionTokens += SimulatorEngine.EstimateTokens(choice.Content);
            choices.Add(new JsonObject
            {
                ["index"] = i,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = choice.Content },
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
                ["securegen_label"] = choice.Label,
                ["securegen_task"] = choice.TaskId,
            });
        }

        return Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-sim-" + Guid.NewGuid().ToString("N")[..16],
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["system_fingerprint"] = OpenAiChatModel.SimulatorFingerprint,
            ["choices"] = choices,
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        });
    }

    private static async Task<IResult> EmbeddingsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        var inputs = body?["input"] switch
        {
            JsonArray a => a.Select(x => x?.GetValue<string>() ?? string.Empty).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => null,
        };
        if (inputs is null)
        {
            return Error(400, "'input' must be a string or an array of strings");
        }

        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = HashingEmbedding.Embed(inputs[i]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = new JsonArray(vector.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray()) });
        }

        var tokens = inputs.Sum(SimulatorEngine.EstimateTokens);
        return Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body?["model"]?.GetValue<string>() ?? ModelName,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
            ["securegen_simulated"] = true,
        });
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };

    private static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error" } }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
