using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SecureGen.Simulator;

/// <summary>GET /v1/models and /v1/models/{id}: the simulator's chat and embedding models, owned by "securegen (simulated)".</summary>
internal static class ModelsEndpoint
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/models", () => Results.Json(new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(Model(SimulatorServer.ModelName), Model(SimulatorServer.EmbeddingModelName)),
        }));
        app.MapGet("/v1/models/{id}", (string id) => id is SimulatorServer.ModelName or SimulatorServer.EmbeddingModelName
            ? Results.Json(Model(id))
            : OpenAiErrors.Error(404, $"The model '{id}' does not exist (simulated)."));
    }

    private static JsonObject Model(string id) => new() { ["id"] = id, ["object"] = "model", ["created"] = 0, ["owned_by"] = "securegen (simulated)" };
}
