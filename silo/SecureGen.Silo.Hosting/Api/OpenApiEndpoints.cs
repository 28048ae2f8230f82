using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace SecureGen.Silo.Hosting.Api;

/// <summary>
/// An OpenAPI 3.1 document built from the routes' own metadata (method, path, summary, tag), so it lists exactly what
/// is mapped; authenticated routes declare the bearer scheme.
/// </summary>
public static partial class OpenApiEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IEndpointRouteBuilder MapSecureGenOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentPath, (EndpointDataSource endpoints) => Results.Text(Document(endpoints).ToJsonString(), "application/json")).WithTags(ApiTags.Public).WithSummary("This OpenAPI document");
        return app;
    }

    public static JsonObject Document(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var paths = new JsonObject();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<ITagsMetadata>() is not null).OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal))
        {
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var tags = endpoint.Metadata.GetMetadata<ITagsMetadata>()!.Tags;
            var item = paths[path] as JsonObject ?? new JsonObject();
            paths[path] = item;
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                var operation = new JsonObject
                {
                    ["summary"] = endpoint.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? string.Empty,
                    ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                };
                var parameters = new JsonArray();
                foreach (Match parameter in RouteParameter().Matches(path))
                {
                    parameters.Add(new JsonObject { ["name"] = parameter.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
                }

                if (parameters.Count > 0)
                {
                    operation["parameters"] = parameters;
                }

                if (!tags.Contains(ApiTags.Public))
                {
                    operation["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
                    operation["responses"]!["401"] = new JsonObject { ["description"] = "Missing or wrong API key" };
                }

                item[method.ToLowerInvariant()] = operation;
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "SecureGen Cluster API", ["version"] = "v1", ["description"] = "Secure code generation runs for tenants, and an OpenAI-compatible chat endpoint." },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } } },
        };
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();
}
