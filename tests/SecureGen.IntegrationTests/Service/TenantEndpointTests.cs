using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureGen.Simulator;

namespace SecureGen.IntegrationTests.Service;

/// <summary>
/// Tenants' own LLM endpoints: two tenants on two simulators of their own that each accept only their tenant's key, a
/// tenant without one on the cluster's simulator (which accepts only the cluster's key), over eval runs and /v1 chat.
/// </summary>
public sealed class TenantEndpointTests
{
    private const string ClusterKey = "sk-cluster-operator";
    private const string KeyA = "sk-tenant-a-0123456789";
    private const string KeyC = "sk-tenant-c-9876543210";
    private static readonly string[] Baseline = ["baseline"];
    private static readonly object OneSession = new { dataset = "builtin", strategies = Baseline, limit = 1 };

    [Fact]
    public async Task Each_tenants_eval_run_calls_only_its_own_endpoint_with_its_key_and_a_tenant_without_one_calls_the_clusters()
    {
        await using var service = await InProcessService.StartAsync(clusterApiKey: ClusterKey);
        await using var simulatorA = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = KeyA }, CancellationToken.None);
        await using var simulatorC = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = KeyC }, CancellationToken.None);
        var a = service.Client(await service.AddTenantAsync("a", llmEndpoint: simulatorA.BaseUrl, llmApiKey: KeyA));
        var c = service.Client(await service.AddTenantAsync("c", llmEndpoint: simulatorC.BaseUrl, llmApiKey: KeyC));
        var b = service.Client(await service.AddTenantAsync("b"));

        var runs = await Task.WhenAll(new[] { a, c, b }.Select(async client =>
        {
            var runId = await ServiceCalls.SubmitAsync(client, OneSession);
            await ServiceCalls.WaitForAsync(client, runId, s => ServiceCalls.State(s) == "finished");
            return (Client: client, RunId: runId, Results: await client.GetStringAsync(new Uri($"/api/runs/{runId}/results.jsonl", UriKind.Relative)),
                Sarif: await client.GetStringAsync(new Uri($"/api/runs/{runId}/results.sarif", UriKind.Relative)));
        }));

        AssertOnlyKey(simulatorA, KeyA);
        AssertOnlyKey(simulatorC, KeyC);
        AssertOnlyKey(service.Simulator, ClusterKey);
        foreach (var run in runs)
        {
            var result = JsonDocument.Parse(run.Results.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
            Assert.True(result.GetProperty("infrastructure_failure").ValueKind == JsonValueKind.Null, run.Results);
            Assert.DoesNotContain(KeyA, run.Results + run.Sarif, StringComparison.Ordinal);
            Assert.DoesNotContain(KeyC, run.Results + run.Sarif, StringComparison.Ordinal);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = string.Concat(Directory.GetFiles(service.DataFolder, "securegen.db*").Select(f => System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(KeyA, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyC, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_tenant_key_fails_the_session_naming_the_tenants_endpoint_and_never_calls_the_clusters()
    {
        await using var service = await InProcessService.StartAsync(clusterApiKey: ClusterKey);
        await using var simulatorA = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = KeyA }, CancellationToken.None);
        var client = service.Client(await service.AddTenantAsync("wrong", llmEndpoint: simulatorA.BaseUrl, llmApiKey: "sk-not-the-right-one"));

        var runId = await ServiceCalls.SubmitAsync(client, OneSession);
        await ServiceCalls.WaitForAsync(client, runId, s => ServiceCalls.State(s) == "finished");
        var results = await client.GetStringAsync(new Uri($"/api/runs/{runId}/results.jsonl", UriKind.Relative), TestContext.Current.CancellationToken);
        using var chat = await client.PostAsJsonAsync("/v1/chat/completions", ChatBody(), TestContext.Current.CancellationToken);
        var chatError = await chat.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var failure = JsonDocument.Parse(results.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement.GetProperty("infrastructure_failure").GetString();
        Assert.Contains("tenant:wrong", failure, StringComparison.Ordinal);
        Assert.Contains("401", failure, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, chat.StatusCode);
        Assert.Contains("tenant:wrong", chatError, StringComparison.Ordinal);
        Assert.Equal(0, service.Simulator.Statistics.ChatRequests);
        Assert.NotEmpty(simulatorA.Statistics.Requests);
        Assert.All(simulatorA.Statistics.Requests, r => Assert.Equal(401, r.Status));
    }

    [Fact]
    public async Task A_tenant_endpoint_that_is_down_fails_the_chat_completion_naming_it_and_never_calls_the_clusters()
    {
        await using var service = await InProcessService.StartAsync(clusterApiKey: ClusterKey);
        // Nothing listens there: every attempt is refused, the retries run out.
        var down = new Uri($"http://127.0.0.1:{Support.FreePort.Next()}/v1");
        var client = service.Client(await service.AddTenantAsync("down", llmEndpoint: down, llmApiKey: KeyA));

        using var chat = await client.PostAsJsonAsync("/v1/chat/completions", ChatBody(), TestContext.Current.CancellationToken);
        var error = JsonDocument.Parse(await chat.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.BadGateway, chat.StatusCode);
        Assert.Contains("tenant:down", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(down.ToString(), error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, service.Simulator.Statistics.ChatRequests);
    }

    [Fact]
    public async Task A_tenants_chat_completion_calls_its_endpoint_and_follows_it_when_the_endpoint_changes()
    {
        await using var service = await InProcessService.StartAsync(clusterApiKey: ClusterKey);
        await using var simulatorA = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = KeyA }, CancellationToken.None);
        await using var simulatorC = await SimulatorServer.StartAsync(new SimulatorOptions { ApiKey = KeyC }, CancellationToken.None);
        var client = service.Client(await service.AddTenantAsync("mover", llmEndpoint: simulatorA.BaseUrl, llmApiKey: KeyA));

        using var first = await client.PostAsJsonAsync("/v1/chat/completions", ChatBody(), TestContext.Current.CancellationToken);
        var callsToA = simulatorA.Statistics.ChatRequests;
        Assert.True(await service.Tenants.SetLlmEndpointAsync("mover", simulatorC.BaseUrl, KeyC, TestContext.Current.CancellationToken));
        using var second = await client.PostAsJsonAsync("/v1/chat/completions", ChatBody(), TestContext.Current.CancellationToken);
        var answer = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(callsToA > 0);
        Assert.Equal(callsToA, simulatorA.Statistics.ChatRequests);
        Assert.True(simulatorC.Statistics.ChatRequests > 0);
        AssertOnlyKey(simulatorA, KeyA);
        AssertOnlyKey(simulatorC, KeyC);
        Assert.Equal(0, service.Simulator.Statistics.ChatRequests);
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task A_cached_completion_is_served_again_to_its_own_tenant_only()
    {
        await using var service = await InProcessService.StartAsync(clusterApiKey: ClusterKey);
        var first = service.Client(await service.AddTenantAsync("first"));
        var second = service.Client(await service.AddTenantAsync("second"));

        await RunAsync(first);
        var afterFirst = service.Simulator.Statistics.ChatRequests;
        await RunAsync(first);
        var afterRepeat = service.Simulator.Statistics.ChatRequests;
        await RunAsync(second);

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, afterRepeat);
        Assert.Equal(2 * afterFirst, service.Simulator.Statistics.ChatRequests);
    }

    private static async Task RunAsync(HttpClient client)
    {
        var runId = await ServiceCalls.SubmitAsync(client, new { dataset = "builtin", strategies = Baseline, limit = 1, seed = 7 });
        await ServiceCalls.WaitForAsync(client, runId, s => ServiceCalls.State(s) == "finished");
    }

    private static void AssertOnlyKey(SimulatorServer simulator, string key)
    {
        Assert.NotEmpty(simulator.Statistics.Requests);
        Assert.All(simulator.Statistics.Requests, r =>
        {
            Assert.Equal(key, r.ApiKey);
            Assert.Equal(200, r.Status);
        });
    }

    private static object ChatBody() => new
    {
        model = "securegen/baseline",
        messages = new[] { new { role = "user", content = "Write a Python function add(a, b) that returns the sum of two numbers." } },
    };
}
