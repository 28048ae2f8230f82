using System.Net;
using System.Text;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// The table-driven check over every keyed route (taken from the served OpenAPI document, so a new route is in it at
/// once): no key and a wrong key are refused; another tenant's run or tenant is "not found", never "forbidden".
/// </summary>
internal static class AuthorizationTable
{
    public const string WrongKey = "sgk_this-key-was-never-issued";

    /// <param name="client">A client sending the given key (null: none) that does not follow redirects.</param>
    public static async Task<IReadOnlyList<string>> CheckAsync(Func<string?, HttpClient> client, string ownerTenant, string ownerRunId, string otherKey)
    {
        var routes = await ServiceCalls.KeyedRoutesAsync(client(null));
        Assert.Contains(routes, r => r.Path == "/api/runs/{runId}/cancel");
        Assert.Contains(routes, r => r.Path == "/v1/chat/completions");
        Assert.Contains(routes, r => r.Path == "/runs");
        var checkedRoutes = new List<string>();
        foreach (var (method, template, tag) in routes)
        {
            var path = template.Replace("{runId}", ownerRunId, StringComparison.Ordinal).Replace("{tenantId}", ownerTenant, StringComparison.Ordinal);
            var page = tag == "operator";
            foreach (var key in new string?[] { null, WrongKey })
            {
                // A broken body too: the key is checked before anything is read.
                using var refused = await SendAsync(client(key), method, path, brokenBody: true);
                if (page)
                {
                    Assert.True(refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.ToString().StartsWith("/login", StringComparison.Ordinal), $"{method} {template} with key {key ?? "(none)"}: {(int)refused.StatusCode}");
                }
                else
                {
                    Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{method} {template} with key {key ?? "(none)"}: {(int)refused.StatusCode}");
                }
            }

            if (template.Contains("{runId}", StringComparison.Ordinal) || template.Contains("{tenantId}", StringComparison.Ordinal))
            {
                using var other = await SendAsync(client(otherKey), method, path);
                var body = await other.Content.ReadAsStringAsync();
                Assert.True(other.StatusCode == HttpStatusCode.NotFound, $"{method} {template} with another tenant's key: {(int)other.StatusCode} {body}");
                Assert.DoesNotContain(ownerTenant + "\"", body, StringComparison.Ordinal);
            }
            else if (page)
            {
                using var other = await SendAsync(client(otherKey), method, path);
                Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
            }
            else if (method == "GET" && template == "/api/runs")
            {
                using var other = await SendAsync(client(otherKey), method, path);
                Assert.Equal(HttpStatusCode.OK, other.StatusCode);
                Assert.DoesNotContain(ownerRunId, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            checkedRoutes.Add($"{method} {template}");
        }

        return checkedRoutes;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path, bool brokenBody = false)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent(brokenBody ? "{" : path.StartsWith("/v1", StringComparison.Ordinal)
                ? """{"model":"securegen/baseline","messages":[{"role":"user","content":"Write a function that adds two numbers."}]}"""
                : "{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
