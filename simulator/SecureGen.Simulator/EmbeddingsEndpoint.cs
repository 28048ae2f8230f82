using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SecureGen.Simulator;

/// <summary>POST /v1/embeddings: deterministic hashed bag-of-words vectors, labelled simulated.</summary>
internal static class EmbeddingsEndpoint
{
    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapPost("/v1/embeddings", (HttpContext http, CancellationToken ct) => HandleAsync(http, state, ct));

    private static async Task<IResult> HandleAsync(HttpContext http, SimulatorState state, CancellationToken cancellationToken)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return OpenAiErrors.Error(400, $"request body is not JSON: {e.Message}");
        }

        state.Statistics.Embeddings();
        List<string>? inputs;
        try
        {
            inputs = body?["input"] switch
            {
                JsonArray a => a.Select(x => x?.GetValue<string>() ?? string.Empty).ToList(),
                JsonValue v => [v.GetValue<string>()],
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            inputs = null;
        }

        if (inputs is null || inputs.Count == 0)
        {
            return OpenAiErrors.Error(400, "'input' must be a string or a non-empty array of strings (token arrays are not simulated)");
        }

        var encoding = body?["encoding_format"]?.GetValue<string>() ?? "float";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = HashingEmbedding.Embed(inputs[i]);
            JsonNode embedding = encoding == "base64"
                ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray([.. vector.Select(x => (JsonNode)JsonValue.Create(x))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(SimulatorEngine.EstimateTokens);
        return Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body?["model"]?.GetValue<string>() ?? SimulatorServer.EmbeddingModelName,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
            ["securegen_simulated"] = true,
        });
    }
}
