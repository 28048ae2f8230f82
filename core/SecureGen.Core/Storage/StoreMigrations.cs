namespace SecureGen.Core.Storage;

/// <summary>
/// The store's schema as numbered migrations, in SQL that SQLite (3.35) and PostgreSQL (15)
/// both accept. Applied at start, each once, under a migration lock.
/// </summary>
internal static class StoreMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE IF NOT EXISTS sessions (
                session_id   TEXT PRIMARY KEY,
                run_id       TEXT NOT NULL,
                task_id      TEXT NOT NULL,
                strategy     TEXT NOT NULL,
                sample_index INTEGER NOT NULL,
                verdict      TEXT NOT NULL,
                simulated    INTEGER NOT NULL,
                infrastructure_failure TEXT,
                completed_at TEXT NOT NULL,
                result_json  TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_sessions_run ON sessions(run_id);
            CREATE TABLE IF NOT EXISTS findings (
                session_id TEXT NOT NULL REFERENCES sessions(session_id),
                tool TEXT NOT NULL, rule_id TEXT NOT NULL, cwe INTEGER, severity TEXT NOT NULL,
                line INTEGER NOT NULL, message TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_findings_session ON findings(session_id);
            CREATE TABLE IF NOT EXISTS llm_calls (
                session_id TEXT NOT NULL REFERENCES sessions(session_id),
                seq INTEGER NOT NULL, purpose TEXT NOT NULL, model TEXT NOT NULL,
                prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL,
                latency_ms DOUBLE PRECISION NOT NULL, simulated INTEGER NOT NULL, error TEXT);
            CREATE INDEX IF NOT EXISTS ix_llm_calls_session ON llm_calls(session_id);
            """),
        (2, """
            CREATE TABLE IF NOT EXISTS session_faults (
                session_id  TEXT PRIMARY KEY,
                run_id      TEXT NOT NULL,
                reason      TEXT NOT NULL,
                occurred_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_session_faults_run ON session_faults(run_id);
            """),
        (3, """
            ALTER TABLE llm_calls ADD COLUMN cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0;
            ALTER TABLE llm_calls ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE llm_calls ADD COLUMN cached INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE llm_calls ADD COLUMN samples INTEGER NOT NULL DEFAULT 1;
            """),
    ];
}
