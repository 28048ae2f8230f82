using SecureGen.Core.Storage;
using SecureGen.Core.Tenancy;

namespace SecureGen.IntegrationTests.Service;

/// <summary>The tenancy store on SQLite: keys, quotas under parallel admission, run ownership.</summary>
public sealed class TenantStoreTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sg-tenants-").FullName;
    private TenantStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        var database = Path.Combine(_dir, "store.db");
        using var sessions = new SqliteSessionStore(database);
        await sessions.InitializeAsync(CancellationToken.None);
        _store = TenantStore.Open(database, SecretProtector.FromKeyFile(Path.Combine(_dir, "secrets.key")));
        await _store.InitializeAsync(CancellationToken.None);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_key_authenticates_its_tenant_and_a_wrong_or_empty_key_none()
    {
        var (tenant, key) = await _store.AddAsync("acme", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal("acme", (await _store.AuthenticateAsync(key, CancellationToken.None))?.Id);
        Assert.Null(await _store.AuthenticateAsync(key + "x", CancellationToken.None));
        Assert.Null(await _store.AuthenticateAsync(string.Empty, CancellationToken.None));
        Assert.Null(await _store.AuthenticateAsync(null, CancellationToken.None));
        Assert.StartsWith(ApiKeys.Prefix, key, StringComparison.Ordinal);
        Assert.False(tenant.IsOperator);
    }

    [Fact]
    public async Task A_tenant_name_is_taken_once()
    {
        await _store.AddAsync("acme", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddAsync("acme", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.AddAsync("Bad Name", TenantQuota.Default, false, null, null, DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task Twenty_parallel_admissions_fill_the_daily_sessions_quota_exactly()
    {
        var (tenant, _) = await _store.AddAsync("burst", new TenantQuota(100, 7, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            _store.TryAdmitAsync(tenant, new TenantRun($"run-{i}", tenant.Id, "eval", 1, "test", now, true, false), now, CancellationToken.None))));

        Assert.Equal(7, decisions.Count(d => d.Admitted));
        Assert.All(decisions.Where(d => !d.Admitted), d => Assert.Equal("sessions-per-day", d.Limit));
        Assert.Equal(7, (await _store.ListRunsAsync(tenant.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_ended_run_frees_its_concurrent_slot()
    {
        var (tenant, _) = await _store.AddAsync("serial", new TenantQuota(1, 100, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        Assert.True((await _store.TryAdmitAsync(tenant, new TenantRun("a", tenant.Id, "eval", 1, "a", now, true, false), now, CancellationToken.None)).Admitted);
        var refused = await _store.TryAdmitAsync(tenant, new TenantRun("b", tenant.Id, "eval", 1, "b", now, true, false), now, CancellationToken.None);

        await _store.MarkEndedAsync("a", cancelled: true, CancellationToken.None);
        var admitted = await _store.TryAdmitAsync(tenant, new TenantRun("b", tenant.Id, "eval", 1, "b", now, true, false), now, CancellationToken.None);

        Assert.Equal("concurrent-runs", refused.Limit);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.True(admitted.Admitted);
        Assert.True((await _store.FindRunAsync("a", CancellationToken.None))!.Cancelled);
    }

    [Fact]
    public async Task Yesterdays_sessions_do_not_count_today()
    {
        var (tenant, _) = await _store.AddAsync("daily", new TenantQuota(100, 2, 1_000_000), false, null, null, DateTimeOffset.UtcNow, CancellationToken.None);
        var yesterday = new DateTimeOffset(2026, 12, 3, 23, 59, 0, TimeSpan.Zero);
        var today = yesterday.AddMinutes(2);
        await _store.TryAdmitAsync(tenant, new TenantRun("old", tenant.Id, "eval", 2, "old", yesterday, true, false), yesterday, CancellationToken.None);
        await _store.MarkEndedAsync("old", cancelled: false, CancellationToken.None);

        var decision = await _store.TryAdmitAsync(tenant, new TenantRun("new", tenant.Id, "eval", 2, "new", today, true, false), today, CancellationToken.None);

        Assert.True(decision.Admitted);
    }

    [Fact]
    public void A_protected_secret_reads_back_only_with_its_key_and_unaltered()
    {
        var protector = SecretProtector.FromKeyFile(Path.Combine(_dir, "secrets.key"));
        var other = new SecretProtector(new byte[32]);
        var sealedText = protector.Protect("sk-123");
        var altered = Convert.FromBase64String(sealedText);
        altered[^1] ^= 1;

        Assert.Equal("sk-123", protector.Unprotect(sealedText));
        Assert.NotEqual(sealedText, protector.Protect("sk-123"));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => other.Unprotect(sealedText));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => protector.Unprotect(Convert.ToBase64String(altered)));
    }

    [Theory]
    [InlineData("concurrent-runs=3", 3, 1000, 2_000_000)]
    [InlineData("concurrent-runs=2,sessions-per-day=10,tokens-per-day=500", 2, 10, 500)]
    [InlineData(null, 2, 1000, 2_000_000)]
    public void A_quota_reads_its_names_and_keeps_defaults_for_the_rest(string? text, int runs, int sessions, long tokens) =>
        Assert.Equal(new TenantQuota(runs, sessions, tokens), TenantQuota.Parse(text));

    [Theory]
    [InlineData("runs=2")]
    [InlineData("concurrent-runs=0")]
    [InlineData("concurrent-runs=two")]
    public void A_bad_quota_is_refused(string text) => Assert.Throws<FormatException>(() => TenantQuota.Parse(text));
}
