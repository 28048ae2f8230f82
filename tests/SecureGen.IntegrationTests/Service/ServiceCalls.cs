using System.Net.Http.Json;
using System.Text.Json;

namespace SecureGen.IntegrationTests.Service;

/// <summary>Calls the service tests share, on the in-memory server and on a real `serve` process alike.</summary>
internal static class ServiceCalls
{
    public static async Task<string> SubmitAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/runs", request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("run_id").GetString()!;
    }

    public static async Task<JsonElement> StatusAsync(HttpClient client, string runId)
    {
        using var response = await client.GetAsync(new Uri($"/api/runs/{runId}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls the run until the predicate holds (a minute at most).</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string runId, Func<JsonElement, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await StatusAsync(client, runId);
            if (until(status))
            {
                return status;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    public static string State(JsonElement status) => status.GetProperty("state").GetString()!;

    /// <summary>Every route that needs a key, as (method, path) from the served OpenAPI document.</summary>
    public static async Task<IReadOnlyList<(string Method, string Path, string Tag)>> KeyedRoutesAsync(HttpClient anonymous)
    {
        var document = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;
        var routes = new List<(string, string, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("security", out _))
                {
                    routes.Add((operation.Name.ToUpperInvariant(), path.Name, operation.Value.GetProperty("tags")[0].GetString()!));
                }
            }
        }

        return routes;
    }
}
