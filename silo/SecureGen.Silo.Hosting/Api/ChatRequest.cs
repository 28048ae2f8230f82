using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SecureGen.Core.Strategies;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>The parts of an OpenAI chat request a session uses; anything else a client sends is ignored.</summary>
/// <param name="Cwe">Optional extra field "cwe": the weakness the prompt is about, for CWE-aware strategies.</param>
public sealed record ChatRequest(ChatModel Model, string Prompt, int? Cwe, bool Stream, float Temperature, int MaxTokens, long Seed)
{
    public static (ChatRequest? Request, IResult? Error) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, ChatEndpoints.Bad("the body must be a JSON object", null));
        }

        var modelName = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (modelName is null)
        {
            return (null, ChatEndpoints.Bad("'model' is required", "model"));
        }

        var (model, problem) = ChatModel.Parse(modelName, StrategyCatalog.Default);
        if (model is null)
        {
            return (null, ApiErrors.Error(ApiErrorStyle.OpenAi, StatusCodes.Status404NotFound, problem!, "model_not_found", "model"));
        }

        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            return (null, ChatEndpoints.Bad("'messages' must be a non-empty array", "messages"));
        }

        string? prompt = null;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var role) && role.ValueEquals("user") && message.TryGetProperty("content", out var content))
            {
                prompt = TextOf(content);
            }
        }

        if (string.IsNullOrWhiteSpace(prompt))
        {
            return (null, ChatEndpoints.Bad("'messages' needs a user message with text: it is the code prompt", "messages"));
        }

        int? cwe = body.TryGetProperty("cwe", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) && n > 0 ? n : null;
        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var temperature = body.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetSingle() : 0.2f;
        var maxTokens = 1024;
        foreach (var name in new[] { "max_completion_tokens", "max_tokens" })
        {
            if (body.TryGetProperty(name, out var mt) && mt.ValueKind == JsonValueKind.Number && mt.TryGetInt32(out var v) && v > 0)
            {
                maxTokens = v;
            }
        }

        var seed = body.TryGetProperty("seed", out var sd) && sd.ValueKind == JsonValueKind.Number && sd.TryGetInt64(out var seedValue) ? seedValue : 1234;
        if (temperature is < 0 or > 2)
        {
            return (null, ChatEndpoints.Bad("'temperature' must be between 0 and 2", "temperature"));
        }

        return (new ChatRequest(model, prompt, cwe, stream, temperature, maxTokens, seed), null);
    }

    /// <summary>Content is a string, or an array of parts of which the text parts count.</summary>
    private static string? TextOf(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString(),
        JsonValueKind.Array => string.Concat(content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var type) && type.ValueEquals("text") && p.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => null,
    };
}
