using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using SecureGen.Core.Storage;

namespace SecureGen.Core.Tenancy;

/// <summary>
/// Tenants, their key hashes, encrypted LLM keys and run ownership, in the results store's database (SQLite embedded,
/// PostgreSQL in a cluster). Admission takes the tenant's row lock first, so parallel submissions are counted one
/// after the other on every engine and a quota cannot be overrun by a burst.
/// </summary>
public sealed partial class TenantStore
{
    private readonly IDbConnectionFactory _factory;
    private readonly SecretProtector _secrets;

    public TenantStore(IDbConnectionFactory factory, SecretProtector secrets)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(secrets);
        _factory = factory;
        _secrets = secrets;
    }

    /// <summary>The store on the same database spec as <see cref="SessionStores.Open"/>.</summary>
    public static TenantStore Open(string databaseSpec, SecretProtector secrets) =>
        new(PostgresConnectionString.IsPostgres(databaseSpec) ? new PostgresConnectionFactory(databaseSpec) : new SqliteConnectionFactory(databaseSpec), secrets);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _factory.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS tenancy_schema_version (version INTEGER PRIMARY KEY)", cancellationToken);
        var applied = new HashSet<int>();
        await using (var read = DbCommands.Create(connection, transaction, "SELECT version FROM tenancy_schema_version"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, sql) in TenancyMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO tenancy_schema_version (version) VALUES (@v)", cancellationToken, ("v", version));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Adds a tenant and returns its API key: the only time the key exists outside the caller.</summary>
    /// <exception cref="ArgumentException">A bad name, an endpoint that is no absolute http(s) URL, or a name already taken.</exception>
    public async Task<(Tenant Tenant, string ApiKey)> AddAsync(string name, TenantQuota quota, bool isOperator, Uri? llmEndpoint, string? llmApiKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quota);
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"tenant name '{name}' must be 1-64 of a-z, 0-9, '-' and '_', starting with a letter or digit", nameof(name));
        }

        CheckLlmEndpoint(llmEndpoint, llmApiKey);
        var key = ApiKeys.NewKey();
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using (var exists = DbCommands.Create(connection, null, "SELECT COUNT(*) FROM tenants WHERE tenant_id = @id", ("id", name)))
        {
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0)
            {
                throw new ArgumentException($"tenant '{name}' already exists", nameof(name));
            }
        }

        await ExecuteAsync(connection, null, """
            INSERT INTO tenants (tenant_id, key_hash, is_operator, concurrent_runs, sessions_per_day, tokens_per_day, llm_endpoint, llm_api_key_protected, created_at)
            VALUES (@id, @hash, @op, @runs, @sessions, @tokens, @endpoint, @key, @created)
            """, cancellationToken,
            ("id", name), ("hash", ApiKeys.Hash(key)), ("op", isOperator ? 1 : 0), ("runs", quota.ConcurrentRuns), ("sessions", quota.SessionsPerDay),
            ("tokens", quota.TokensPerDay), ("endpoint", llmEndpoint?.ToString()), ("key", llmApiKey is null ? null : _secrets.Protect(llmApiKey)), ("created", Stamp(now)));
        return (new Tenant(name, isOperator, quota, llmEndpoint, llmApiKey is not null, now), key);
    }

    /// <summary>The tenant holding this key, or null: a wrong key and an unknown key look the same.</summary>
    public async Task<Tenant?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey) || apiKey.Length > 256)
        {
            return null;
        }

        var hash = ApiKeys.Hash(apiKey);
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, $"SELECT {TenantColumns}, key_hash FROM tenants WHERE key_hash = @hash", ("hash", hash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && ApiKeys.HashesEqual(reader.GetString(8), hash) ? ReadTenant(reader) : null;
    }

    public async Task<Tenant?> FindAsync(string tenantId, CancellationToken cancellationToken)
    {
        var found = await QueryTenantsAsync("WHERE tenant_id = @id", cancellationToken, ("id", tenantId));
        return found.Count > 0 ? found[0] : null;
    }

    public Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken) => QueryTenantsAsync("ORDER BY tenant_id", cancellationToken);

    /// <summary>The tenant's LLM endpoint and decrypted key, for the model client only; null when there is no such tenant.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key was encrypted under another secrets key file.</exception>
    public async Task<TenantLlmSettings?> LlmSettingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT llm_endpoint, llm_api_key_protected FROM tenants WHERE tenant_id = @id", ("id", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TenantLlmSettings(tenantId, reader.IsDBNull(0) ? null : new Uri(reader.GetString(0)), reader.IsDBNull(1) ? null : _secrets.Unprotect(reader.GetString(1)));
    }

    /// <summary>Points the tenant at its own LLM endpoint (key stored encrypted), or back at the cluster's with a null endpoint.</summary>
    /// <exception cref="ArgumentException">The endpoint is no absolute http(s) URL, or a key comes without an endpoint.</exception>
    /// <returns>False when there is no such tenant.</returns>
    public async Task<bool> SetLlmEndpointAsync(string tenantId, Uri? llmEndpoint, string? llmApiKey, CancellationToken cancellationToken)
    {
        CheckLlmEndpoint(llmEndpoint, llmApiKey);
        await using var connection = await _factory.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "UPDATE tenants SET llm_endpoint = @endpoint, llm_api_key_protected = @key WHERE tenant_id = @id", cancellationToken,
            ("id", tenantId), ("endpoint", llmEndpoint?.ToString()), ("key", llmApiKey is null ? null : _secrets.Protect(llmApiKey))) > 0;
    }

    /// <summary>
    /// Records the run as the tenant's when it fits every quota (runs active now, sessions submitted today, tokens
    /// used by today's runs), all read and written under the tenant's row lock in one transaction.
    /// </summary>
    public async Task<QuotaDecision> TryAdmitAsync(Tenant tenant, TenantRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(run);
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var untilTomorrow = dayStart.AddDays(1) - now;
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The write comes first: SQLite takes its write lock, PostgreSQL the tenant's row lock, before anything is counted.
        await ExecuteAsync(connection, transaction, "UPDATE tenants SET admissions = admissions + 1 WHERE tenant_id = @id", cancellationToken, ("id", tenant.Id));
        var active = await ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM tenant_runs WHERE tenant_id = @id AND active = 1", cancellationToken, ("id", tenant.Id));
        var sessions = await ScalarAsync(connection, transaction, "SELECT COALESCE(SUM(sessions), 0) FROM tenant_runs WHERE tenant_id = @id AND submitted_at >= @day", cancellationToken, ("id", tenant.Id), ("day", Stamp(dayStart)));
        var tokens = await ScalarAsync(connection, transaction, """
            SELECT COALESCE(SUM(c.prompt_tokens + c.completion_tokens), 0) FROM llm_calls c
            JOIN sessions s ON s.session_id = c.session_id JOIN tenant_runs r ON r.run_id = s.run_id
            WHERE r.tenant_id = @id AND r.submitted_at >= @day
            """, cancellationToken, ("id", tenant.Id), ("day", Stamp(dayStart)));
        var quota = tenant.Quota;
        QuotaDecision decision;
        if (active >= quota.ConcurrentRuns)
        {
            decision = QuotaDecision.Refuse("concurrent-runs", $"tenant '{tenant.Id}' has {active} run(s) in progress, the most its quota allows (concurrent-runs={quota.ConcurrentRuns}); try again when one ends", TimeSpan.FromSeconds(10));
        }
        else if (sessions + run.Sessions > quota.SessionsPerDay)
        {
            decision = QuotaDecision.Refuse("sessions-per-day", $"tenant '{tenant.Id}' submitted {sessions} session(s) today; {run.Sessions} more would pass its quota (sessions-per-day={quota.SessionsPerDay}); the count resets at 00:00 UTC", untilTomorrow);
        }
        else if (tokens >= quota.TokensPerDay)
        {
            decision = QuotaDecision.Refuse("tokens-per-day", $"tenant '{tenant.Id}' used {tokens} LLM tokens today, its quota (tokens-per-day={quota.TokensPerDay}); the count resets at 00:00 UTC", untilTomorrow);
        }
        else
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO tenant_runs (run_id, tenant_id, kind, sessions, description, submitted_at, active, cancelled)
                VALUES (@run, @id, @kind, @sessions, @description, @submitted, 1, 0)
                """, cancellationToken,
                ("run", run.RunId), ("id", tenant.Id), ("kind", run.Kind), ("sessions", run.Sessions), ("description", run.Description), ("submitted", Stamp(now)));
            decision = QuotaDecision.Admit;
        }

        await transaction.CommitAsync(cancellationToken);
        return decision;
    }

    public async Task<TenantRun?> FindRunAsync(string runId, CancellationToken cancellationToken)
    {
        var found = await QueryRunsAsync("WHERE run_id = @run", cancellationToken, ("run", runId));
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The tenant's runs, newest first; with a null tenant every tenant's (the operators' view).</summary>
    public Task<IReadOnlyList<TenantRun>> ListRunsAsync(string? tenantId, CancellationToken cancellationToken) => tenantId is null
        ? QueryRunsAsync("ORDER BY submitted_at DESC", cancellationToken)
        : QueryRunsAsync("WHERE tenant_id = @id ORDER BY submitted_at DESC", cancellationToken, ("id", tenantId));

    /// <summary>The run no longer counts against concurrent runs: it finished, or it was cancelled.</summary>
    public async Task MarkEndedAsync(string runId, bool cancelled, CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "UPDATE tenant_runs SET active = 0, cancelled = CASE WHEN @cancelled = 1 THEN 1 ELSE cancelled END WHERE run_id = @run", cancellationToken,
            ("run", runId), ("cancelled", cancelled ? 1 : 0));
    }

    private const string TenantColumns = "tenant_id, is_operator, concurrent_runs, sessions_per_day, tokens_per_day, llm_endpoint, llm_api_key_protected IS NOT NULL, created_at";

    private async Task<IReadOnlyList<Tenant>> QueryTenantsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, $"SELECT {TenantColumns} FROM tenants {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<Tenant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(ReadTenant(reader));
        }

        return tenants;
    }

    private async Task<IReadOnlyList<TenantRun>> QueryRunsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, $"SELECT run_id, tenant_id, kind, sessions, description, submitted_at, active, cancelled FROM tenant_runs {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<TenantRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new TenantRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), reader.GetString(4),
                DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture), Flag(reader, 6), Flag(reader, 7)));
        }

        return runs;
    }

    private static Tenant ReadTenant(DbDataReader reader) => new(
        reader.GetString(0),
        Flag(reader, 1),
        new TenantQuota(Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)),
        reader.IsDBNull(5) ? null : new Uri(reader.GetString(5)),
        Flag(reader, 6),
        DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture));

    private static bool Flag(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        bool b => b,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0,
    };

    /// <summary>UTC, fixed width: text comparison orders stamps by time on both engines.</summary>
    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = DbCommands.Create(connection, transaction, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = DbCommands.Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void CheckLlmEndpoint(Uri? llmEndpoint, string? llmApiKey)
    {
        if (llmEndpoint is not null && (!llmEndpoint.IsAbsoluteUri || llmEndpoint.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException($"LLM endpoint '{llmEndpoint}' is not an absolute http(s) URL", nameof(llmEndpoint));
        }

        if (llmEndpoint is null && llmApiKey is not null)
        {
            // The key would otherwise be sent to the cluster's endpoint, which is not the tenant's.
            throw new ArgumentException("an LLM key needs the tenant's LLM endpoint beside it", nameof(llmApiKey));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}
