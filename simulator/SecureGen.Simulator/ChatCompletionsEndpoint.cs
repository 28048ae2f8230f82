using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SecureGen.Core.Generation;

namespace SecureGen.Simulator;

/// <summary>POST /v1/chat/completions: rate limit, faults, then n seeded completions after the simulated latency.</summary>
internal static class ChatCompletionsEndpoint
{
    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapPost("/v1/chat/completions", async (HttpContext http, CancellationToken ct) =>
        {
            state.Statistics.Enter();
            try
            {
                return await HandleAsync(http, state, ct);
            }
            finally
            {
                state.Statistics.Leave();
            }
        });

    private static async Task<IResult> HandleAsync(HttpContext http, SimulatorState state, CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, state.Stopping.Token);
        var cancellationToken = linked.Token;
        var apiKey = BearerKey(http.Request);
        if (state.Options.ApiKey is { } expected && !string.Equals(apiKey, expected, StringComparison.Ordinal))
        {
            // Like OpenAI: a wrong or missing key is refused before anything else is looked at.
            state.Statistics.Chat(state.Clock.GetUtcNow(), 401, 0, null, apiKey);
            return OpenAiErrors.Error(401, "Incorrect API key provided (simulated).", "invalid_request_error", "invalid_api_key");
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return OpenAiErrors.Error(400, $"request body is not JSON: {e.Message}");
        }

        if (body?["messages"] is not JsonArray rawMessages || rawMessages.Count == 0)
        {
            return OpenAiErrors.Error(400, "'messages' must be a non-empty array");
        }

        List<ChatTurn> messages;
        int n;
        long? seed;
        try
        {
            messages = rawMessages.Select(m => new ChatTurn(m?["role"]?.GetValue<string>() ?? "user", ContentOf(m?["content"]))).ToList();
            n = body["n"]?.GetValue<int>() ?? 1;
            seed = body["seed"] is JsonValue s ? s.GetValue<long>() : null;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            return OpenAiErrors.Error(400, $"malformed request: {e.Message}");
        }

        if (n is < 1 or > 128)
        {
            return OpenAiErrors.Error(400, "'n' must be between 1 and 128");
        }

        var now = state.Clock.GetUtcNow();
        if (state.RateLimiter.TryAcquire() is { } wait)
        {
            state.Statistics.Chat(now, 429, n, seed, apiKey);
            http.Response.Headers.RetryAfter = RetryAfterHeader.Format(wait);
            return OpenAiErrors.Error(429, $"Rate limit reached: {state.Options.RequestsPerMinute} requests per minute (simulated). Retry after {wait.TotalSeconds:0.###} s.", "rate_limit_exceeded");
        }

        var fault = state.Faults.NextRequest();
        if (fault.ServerErrorStatus is { } status)
        {
            state.Statistics.Chat(now, status, n, seed, apiKey);
            return OpenAiErrors.Error(status, $"The server had an error while processing your request (simulated {status}).", "server_error");
        }

        if (fault.Hang)
        {
            state.Statistics.Chat(now, 599, n, seed, apiKey);
            await Task.Delay(TimeSpan.FromMilliseconds(state.Options.HangMs), state.Clock, cancellationToken);
            return OpenAiErrors.Error(504, "The simulated request hung and then timed out.", "server_error");
        }

        var model = body["model"]?.GetValue<string>() ?? SimulatorServer.ModelName;
        var promptTokens = messages.Sum(m => SimulatorEngine.EstimateTokens(m.Content));
        var choices = new JsonArray();
        var completionTokens = 0;
        var longest = 0;
        for (var i = 0; i < n; i++)
        {
            var choice = state.Engine.Complete(messages, seed, i);
            var tokens = SimulatorEngine.EstimateTokens(choice.Content);
            completionTokens += tokens;
            longest = Math.Max(longest, tokens);
            choices.Add(new JsonObject
            {
                ["index"] = i,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = choice.Content },
                ["finish_reason"] = choice.FinishReason,
                ["logprobs"] = null,
                ["securegen_label"] = choice.Label,
                ["securegen_task"] = choice.TaskId,
                ["securegen_insecure_probability"] = choice.InsecureProbability,
                ["securegen_signals"] = new JsonArray([.. choice.Signals.Select(x => (JsonNode)JsonValue.Create(x)!)]),
                ["securegen_fault"] = choice.Fault,
            });
        }

        var latency = state.Latency.For(longest);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, state.Clock, cancellationToken);
        }

        state.Statistics.Chat(now, 200, n, seed, apiKey);
        return Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-sim-" + Guid.NewGuid().ToString("N")[..16],
            ["object"] = "chat.completion",
            ["created"] = state.Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["model"] = model,
            ["system_fingerprint"] = OpenAiChatModel.SimulatorFingerprint,
            ["choices"] = choices,
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        });
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? string.Empty)),
        _ => string.Empty,
    };

    private static string? BearerKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
