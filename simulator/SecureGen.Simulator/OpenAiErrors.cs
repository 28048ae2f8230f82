using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SecureGen.Simulator;

/// <summary>Error bodies in the OpenAI shape.</summary>
internal static class OpenAiErrors
{
    public static IResult Error(int status, string message, string type = "invalid_request_error", string? code = null) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code } }, statusCode: status);
}
