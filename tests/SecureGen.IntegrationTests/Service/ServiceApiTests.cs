using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureGen.Silo.Hosting.Api;

namespace SecureGen.IntegrationTests.Service;

/// <summary>The service's HTTP API on the in-memory test server over a real embedded silo, SQLite store and simulator.</summary>
public sealed class ServiceApiTests
{
    private static readonly string[] Baseline = ["baseline"];
    private static readonly string[] UnknownStrategy = ["no-such-strategy"];
    private static readonly object SmallRun = new { dataset = "builtin", strategies = Baseline, limit = 2 };

    [Fact]
    public async Task Every_route_refuses_a_missing_or_wrong_key_and_hides_another_tenants_runs()
    {
        await using var service = await InProcessService.StartAsync();
        var ownerKey = await service.AddTenantAsync("owner");
        var otherKey = await service.AddTenantAsync("other");
        var runId = await ServiceCalls.SubmitAsync(service.Client(ownerKey), SmallRun);
        await ServiceCalls.WaitForAsync(service.Client(ownerKey), runId, s => ServiceCalls.State(s) == "finished");

        var routes = await AuthorizationTable.CheckAsync(service.Client, "owner", runId, otherKey);

        Assert.True(routes.Count >= 15, string.Join(", ", routes));
    }

    [Fact]
    public async Task An_operator_key_sees_every_tenants_runs_and_the_owner_sees_its_own()
    {
        await using var service = await InProcessService.StartAsync();
        var ownerKey = await service.AddTenantAsync("owner");
        var operatorKey = await service.AddTenantAsync("ops", isOperator: true);
        var runId = await ServiceCalls.SubmitAsync(service.Client(ownerKey), SmallRun);

        var seenByOperator = await ServiceCalls.StatusAsync(service.Client(operatorKey), runId);
        var list = await service.Client(operatorKey).GetStringAsync(new Uri("/api/runs", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await service.Client(operatorKey).GetStringAsync(new Uri("/runs", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("owner", seenByOperator.GetProperty("tenant").GetString());
        Assert.Contains(runId, list, StringComparison.Ordinal);
        Assert.Contains(runId, page, StringComparison.Ordinal);
        Assert.Contains("securegen.roles", page.Replace("session,candidate", "securegen.roles", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_submitted_to_the_cluster_directly_is_seen_by_operators_only()
    {
        await using var service = await InProcessService.StartAsync();
        var operatorKey = await service.AddTenantAsync("ops", isOperator: true);
        var tenantKey = await service.AddTenantAsync("someone");
        var runId = "run-direct-" + Guid.NewGuid().ToString("N")[..8];
        var task = new Core.Sessions.SessionTask("direct", "builtin", "def add(a, b):\n    \"\"\"Add.\"\"\"\n", null, "add", null);
        var input = new Core.Sessions.SessionInput(runId, Core.Sessions.SessionIds.For(runId, task.Id, "baseline", 0), task, "baseline", 0, 1, "securegen-simulator", 0.8f, 256);
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IClusterClient>(service.Services)
            .GetGrain<SecureGen.Grains.Interfaces.IRunGrain>(runId).SubmitAsync(new SecureGen.Grains.Interfaces.RunSubmission([input], 1));

        var seen = await ServiceCalls.StatusAsync(service.Client(operatorKey), runId);
        using var hidden = await service.Client(tenantKey).GetAsync(new Uri($"/api/runs/{runId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(RunService.UnownedTenant, seen.GetProperty("tenant").GetString());
        Assert.Equal(1, seen.GetProperty("planned").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Fact]
    public async Task Twenty_parallel_submissions_over_a_quota_of_two_concurrent_runs_admit_exactly_two_and_refuse_the_rest_with_429()
    {
        // A slow model keeps the admitted runs in progress while the others arrive.
        await using var service = await InProcessService.StartAsync(simulatorLatencyMs: 3000);
        var key = await service.AddTenantAsync("busy", "concurrent-runs=2,sessions-per-day=1000");
        using var rejections = new RejectionCounter();
        var client = service.Client(key);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/runs", new { strategies = Baseline, limit = 1 })));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(18, refused.Count);
        foreach (var response in refused)
        {
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("error");
            Assert.Equal("quota_exceeded", error.GetProperty("code").GetString());
            Assert.Contains("concurrent-runs=2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(18, rejections.Total);
    }

    [Fact]
    public async Task Sessions_per_day_are_counted_across_runs_and_refused_past_the_quota()
    {
        await using var service = await InProcessService.StartAsync();
        var key = await service.AddTenantAsync("daily", "concurrent-runs=10,sessions-per-day=3");
        var client = service.Client(key);

        await ServiceCalls.SubmitAsync(client, SmallRun);
        using var second = await client.PostAsJsonAsync("/api/runs", SmallRun, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("sessions-per-day=3", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(second.Headers.RetryAfter!.Delta <= TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task A_cancelled_run_keeps_what_it_stored_and_serves_it()
    {
        await using var service = await InProcessService.StartAsync(simulatorLatencyMs: 700);
        var key = await service.AddTenantAsync("canceller");
        var client = service.Client(key);
        var runId = await ServiceCalls.SubmitAsync(client, new { strategies = Baseline, samples = 4, limit = 3, max_in_flight = 1 });
        await ServiceCalls.WaitForAsync(client, runId, s => s.GetProperty("completed").GetInt32() >= 1);

        using var cancel = await client.PostAsync(new Uri($"/api/runs/{runId}/cancel", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var ended = await ServiceCalls.WaitForAsync(client, runId, s => ServiceCalls.State(s) == "cancelled");
        var lines = (await client.GetStringAsync(new Uri($"/api/runs/{runId}/results.jsonl", UriKind.Relative), TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sarif = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/runs/{runId}/results.sarif", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var completed = ended.GetProperty("completed").GetInt32();
        Assert.InRange(completed, 1, 11);
        Assert.Equal(12, ended.GetProperty("planned").GetInt32());
        Assert.Equal(completed, ended.GetProperty("sessions_stored").GetInt32());
        Assert.Equal(completed, lines.Length);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task The_events_stream_sends_status_snapshots_until_the_run_ends()
    {
        await using var service = await InProcessService.StartAsync(simulatorLatencyMs: 300);
        var key = await service.AddTenantAsync("watcher");
        var client = service.Client(key);
        var runId = await ServiceCalls.SubmitAsync(client, new { strategies = Baseline, limit = 3, max_in_flight = 1 });

        var text = await client.GetStringAsync(new Uri($"/api/runs/{runId}/events", UriKind.Relative), TestContext.Current.CancellationToken);

        var snapshots = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("event: status", StringComparison.Ordinal))
            .Select(e => JsonDocument.Parse(e[(e.IndexOf("data: ", StringComparison.Ordinal) + 6)..]).RootElement).ToList();
        Assert.True(snapshots.Count >= 2, text);
        Assert.Equal("finished", ServiceCalls.State(snapshots[^1]));
        Assert.Equal(3, snapshots[^1].GetProperty("completed").GetInt32());
        Assert.EndsWith("event: end\ndata: {}\n\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenants_own_llm_key_is_stored_encrypted_and_never_shown()
    {
        const string secret = "sk-tenant-secret-0123456789";
        await using var service = await InProcessService.StartAsync();
        var key = await service.AddTenantAsync("byok", llmEndpoint: new Uri("https://llm.example.com/v1"), llmApiKey: secret);

        var shown = await service.Client(key).GetStringAsync(new Uri("/api/tenants/me", UriKind.Relative), TestContext.Current.CancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = await File.ReadAllBytesAsync(Path.Combine(service.DataFolder, "securegen.db"), TestContext.Current.CancellationToken);
        var wal = Path.Combine(service.DataFolder, "securegen.db-wal");
        var log = File.Exists(wal) ? await File.ReadAllBytesAsync(wal, TestContext.Current.CancellationToken) : [];

        Assert.Contains("https://llm.example.com/v1", shown, StringComparison.Ordinal);
        Assert.Contains(TenantsEndpoints.Redacted, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString([.. database, .. log]), StringComparison.Ordinal);
        Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString([.. database, .. log]), StringComparison.Ordinal);
        Assert.Equal(secret, (await service.Tenants.LlmSettingsAsync("byok", TestContext.Current.CancellationToken))!.ApiKey);
    }

    [Fact]
    public async Task Bad_run_requests_get_400_with_the_reason()
    {
        await using var service = await InProcessService.StartAsync();
        var client = service.Client(await service.AddTenantAsync("careless"));

        using var unknownStrategy = await client.PostAsJsonAsync("/api/runs", new { strategies = UnknownStrategy }, TestContext.Current.CancellationToken);
        using var unknownDataset = await client.PostAsJsonAsync("/api/runs", new { dataset = "no-such-dataset" }, TestContext.Current.CancellationToken);
        using var badParameter = await client.PostAsJsonAsync("/api/runs", new { parameters = new Dictionary<string, string> { ["nope"] = "1" } }, TestContext.Current.CancellationToken);
        using var notJson = await client.PostAsync(new Uri("/api/runs", UriKind.Relative), new StringContent("{", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, unknownStrategy.StatusCode);
        Assert.Contains("no-such-strategy", await unknownStrategy.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownDataset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badParameter.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    /// <summary>Listens to the service's quota rejection counter.</summary>
    private sealed class RejectionCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public RejectionCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ApiMetrics.MeterName && instrument.Name == ApiMetrics.QuotaRejectionsName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
