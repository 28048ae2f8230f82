using SecureGen.Core.Storage;
using SecureGen.Core.Tenancy;

namespace SecureGen.IntegrationTests.Service;

/// <summary>The tenancy store on each engine it runs on: keys, quotas under parallel admission, run ownership, tenants' LLM endpoints.</summary>
public abstract class TenantStoreContract : IAsyncLifetime
{
    private SqlSessionStore? _sessions;

    protected string Folder { get; } = Directory.CreateTempSubdirectory("sg-tenants-").FullName;

    protected TenantStore Store { get; private set; } = null!;

    /// <summary>A database spec (SQLite path or PostgreSQL connection string) of an empty database for this test.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    public async ValueTask InitializeAsync()
    {
        var database = await CreateDatabaseAsync();
        // Admission counts tokens over the results store's tables: they exist first, as in a silo.
        _sessions = SessionStores.Open(database);
        await _sessions.InitializeAsync(CancellationToken.None);
        Store = TenantStore.Open(database, SecretProtector.FromKeyFile(Path.Combine(Folder, "secrets.key")));
        await Store.InitializeAsync(CancellationToken.None);
    }

    public virtual ValueTask DisposeAsync()
    {
        (_sessions as IDisposable)?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_key_authenticates_its_tenant_and_a_wrong_or_empty_key_none()
    {
        var (tenant, key) = await Store.AddAsync("acme", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal("acme", (await Store.AuthenticateAsync(key, CancellationToken.None))?.Id);
        Assert.Null(await Store.AuthenticateAsync(key + "x", CancellationToken.None));
        Assert.Null(await Store.AuthenticateAsync(string.Empty, CancellationToken.None));
        Assert.Null(await Store.AuthenticateAsync(null, CancellationToken.None));
        Assert.StartsWith(ApiKeys.Prefix, key, StringComparison.Ordinal);
        Assert.False(tenant.IsOperator);
    }

    [Fact]
    public async Task A_tenant_name_is_taken_once()
    {
        await Store.AddAsync("acme", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync("acme", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync("Bad Name", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task Twenty_parallel_admissions_fill_the_daily_sessions_quota_exactly()
    {
        var (tenant, _) = await Store.AddAsync("burst", new TenantQuota(100, 7, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.TryAdmitAsync(tenant, new TenantRun($"run-{i}", tenant.Id, "eval", 1, "test", now, true, false), now, CancellationToken.None))));

        Assert.Equal(7, decisions.Count(d => d.Admitted));
        Assert.All(decisions.Where(d => !d.Admitted), d => Assert.Equal("sessions-per-day", d.Limit));
        Assert.Equal(7, (await Store.ListRunsAsync(tenant.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Twenty_parallel_admissions_over_two_concurrent_runs_admit_exactly_two()
    {
        var (tenant, _) = await Store.AddAsync("parallel", new TenantQuota(2, 1000, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.TryAdmitAsync(tenant, new TenantRun($"run-{i}", tenant.Id, "eval", 1, "test", now, true, false), now, CancellationToken.None))));

        Assert.Equal(2, decisions.Count(d => d.Admitted));
        Assert.All(decisions.Where(d => !d.Admitted), d => Assert.Equal("concurrent-runs", d.Limit));
        Assert.Equal(2, (await Store.ListRunsAsync(tenant.Id, CancellationToken.None)).Count(r => r.Active));
    }

    [Fact]
    public async Task An_ended_run_frees_its_concurrent_slot()
    {
        var (tenant, _) = await Store.AddAsync("serial", new TenantQuota(1, 100, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        Assert.True((await Store.TryAdmitAsync(tenant, new TenantRun("a", tenant.Id, "eval", 1, "a", now, true, false), now, CancellationToken.None)).Admitted);
        var refused = await Store.TryAdmitAsync(tenant, new TenantRun("b", tenant.Id, "eval", 1, "b", now, true, false), now, CancellationToken.None);

        await Store.MarkEndedAsync("a", cancelled: true, CancellationToken.None);
        var admitted = await Store.TryAdmitAsync(tenant, new TenantRun("b", tenant.Id, "eval", 1, "b", now, true, false), now, CancellationToken.None);

        Assert.Equal("concurrent-runs", refused.Limit);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.True(admitted.Admitted);
        Assert.True((await Store.FindRunAsync("a", CancellationToken.None))!.Cancelled);
    }

    [Fact]
    public async Task Yesterdays_sessions_do_not_count_today()
    {
        var (tenant, _) = await Store.AddAsync("daily", new TenantQuota(100, 2, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var yesterday = new DateTimeOffset(2026, 12, 3, 23, 59, 0, TimeSpan.Zero);
        var today = yesterday.AddMinutes(2);
        await Store.TryAdmitAsync(tenant, new TenantRun("old", tenant.Id, "eval", 2, "old", yesterday, true, false), yesterday, CancellationToken.None);
        await Store.MarkEndedAsync("old", cancelled: false, CancellationToken.None);

        var decision = await Store.TryAdmitAsync(tenant, new TenantRun("new", tenant.Id, "eval", 2, "new", today, true, false), today, CancellationToken.None);

        Assert.True(decision.Admitted);
    }

    [Fact]
    public async Task A_tenants_llm_endpoint_reads_back_decrypted_for_the_model_client_and_can_be_changed_or_removed()
    {
        await Store.AddAsync("byok", TenantQuota.Default, false, new Uri("https://llm.example.com/v1"), "sk-1", DateTimeOffset.UtcNow, CancellationToken.None);

        var first = await Store.LlmSettingsAsync("byok", CancellationToken.None);
        Assert.True(await Store.SetLlmEndpointAsync("byok", new Uri("https://other.example.com/v1"), "sk-2", CancellationToken.None));
        var changed = await Store.LlmSettingsAsync("byok", CancellationToken.None);
        Assert.True(await Store.SetLlmEndpointAsync("byok", null, null, CancellationToken.None));
        var removed = await Store.LlmSettingsAsync("byok", CancellationToken.None);

        Assert.Equal(("https://llm.example.com/v1", "sk-1"), (first!.Endpoint!.ToString(), first.ApiKey));
        Assert.Equal(("https://other.example.com/v1", "sk-2"), (changed!.Endpoint!.ToString(), changed.ApiKey));
        Assert.DoesNotContain("sk-2", changed.ToString(), StringComparison.Ordinal);
        Assert.Null(removed!.Endpoint);
        Assert.Null(removed.ApiKey);
        Assert.False((await Store.FindAsync("byok", CancellationToken.None))!.HasLlmApiKey);
        Assert.Null(await Store.LlmSettingsAsync("nobody", CancellationToken.None));
        Assert.False(await Store.SetLlmEndpointAsync("nobody", null, null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SetLlmEndpointAsync("byok", null, "sk-without-endpoint", CancellationToken.None));
    }
}
