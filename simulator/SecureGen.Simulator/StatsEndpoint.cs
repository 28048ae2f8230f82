using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SecureGen.Simulator;

/// <summary>GET /simulator/stats: what the simulator has served, for benchmarks and for checking that a cached re-run made no calls.</summary>
internal static class StatsEndpoint
{
    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapGet("/simulator/stats", () =>
        {
            var s = state.Statistics;
            return Results.Json(new JsonObject
            {
                ["chat_requests"] = s.ChatRequests,
                ["embedding_requests"] = s.EmbeddingRequests,
                ["completions"] = s.Completions,
                ["rate_limited"] = s.RateLimited,
                ["server_errors"] = s.ServerErrors,
                ["hangs"] = s.Hangs,
                ["max_in_flight"] = s.MaxInFlight,
            });
        });
}
