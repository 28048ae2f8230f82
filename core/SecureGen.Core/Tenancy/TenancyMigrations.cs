namespace SecureGen.Core.Tenancy;

/// <summary>The tenancy tables, beside the results store's, numbered apart from its migrations (own version table).</summary>
internal static class TenancyMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE IF NOT EXISTS tenants (
                tenant_id      TEXT PRIMARY KEY,
                key_hash       TEXT NOT NULL UNIQUE,
                is_operator    INTEGER NOT NULL,
                concurrent_runs INTEGER NOT NULL,
                sessions_per_day INTEGER NOT NULL,
                tokens_per_day BIGINT NOT NULL,
                llm_endpoint   TEXT,
                llm_api_key_protected TEXT,
                admissions     BIGINT NOT NULL DEFAULT 0,
                created_at     TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS tenant_runs (
                run_id       TEXT PRIMARY KEY,
                tenant_id    TEXT NOT NULL REFERENCES tenants(tenant_id),
                kind         TEXT NOT NULL,
                sessions     INTEGER NOT NULL,
                description  TEXT NOT NULL,
                submitted_at TEXT NOT NULL,
                active       INTEGER NOT NULL,
                cancelled    INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS ix_tenant_runs_tenant ON tenant_runs(tenant_id, submitted_at);
            """),
    ];
}
