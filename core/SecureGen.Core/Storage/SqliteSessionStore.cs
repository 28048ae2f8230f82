using System.Text.Json;
using Microsoft.Data.Sqlite;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Sessions keep their full result as JSON;
/// findings and LLM calls are also written as rows so that they can be queried directly.
/// </summary>
public sealed class SqliteSessionStore : ISessionStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
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
            latency_ms REAL NOT NULL, simulated INTEGER NOT NULL, error TEXT,
            cost_usd REAL NOT NULL DEFAULT 0, retries INTEGER NOT NULL DEFAULT 0, cached INTEGER NOT NULL DEFAULT 0, samples INTEGER NOT NULL DEFAULT 1);
        CREATE INDEX IF NOT EXISTS ix_llm_calls_session ON llm_calls(session_id);
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteSessionStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        SQLitePCL.Batteries_V2.Init();
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        await using var create = connection.CreateCommand();
        create.CommandText = Schema;
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SessionResult?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT result_json FROM sessions WHERE session_id = $id";
        command.Parameters.AddWithValue("$id", sessionId);
        var json = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<SessionResult>(json, ResultJson.Options);
    }

    public async Task<bool> SaveAsync(SessionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT OR IGNORE INTO sessions (session_id, run_id, task_id, strategy, sample_index, verdict, simulated, infrastructure_failure, completed_at, result_json)
                    VALUES ($id, $run, $task, $strategy, $sample, $verdict, $simulated, $infra, $completed, $json)
                    """;
                insert.Parameters.AddWithValue("$id", result.SessionId);
                insert.Parameters.AddWithValue("$run", result.RunId);
                insert.Parameters.AddWithValue("$task", result.TaskId);
                insert.Parameters.AddWithValue("$strategy", result.Strategy);
                insert.Parameters.AddWithValue("$sample", result.SampleIndex);
                insert.Parameters.AddWithValue("$verdict", result.Verdict.ToString());
                insert.Parameters.AddWithValue("$simulated", result.Simulated ? 1 : 0);
                insert.Parameters.AddWithValue("$infra", (object?)result.InfrastructureFailure ?? DBNull.Value);
                insert.Parameters.AddWithValue("$completed", result.CompletedAt.ToString("O"));
                insert.Parameters.AddWithValue("$json", JsonSerializer.Serialize(result, ResultJson.Options));
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }
            }

            foreach (var f in result.Findings)
            {
                await using var row = connection.CreateCommand();
                row.Transaction = transaction;
                row.CommandText = "INSERT INTO findings VALUES ($id, $tool, $rule, $cwe, $severity, $line, $message)";
                row.Parameters.AddWithValue("$id", result.SessionId);
                row.Parameters.AddWithValue("$tool", f.Tool);
                row.Parameters.AddWithValue("$rule", f.RuleId);
                row.Parameters.AddWithValue("$cwe", (object?)f.Cwe ?? DBNull.Value);
                row.Parameters.AddWithValue("$severity", f.Severity.ToString());
                row.Parameters.AddWithValue("$line", f.Line);
                row.Parameters.AddWithValue("$message", f.Message);
                await row.ExecuteNonQueryAsync(cancellationToken);
            }

            for (var i = 0; i < result.LlmCalls.Count; i++)
            {
                var call = result.LlmCalls[i];
                await using var row = connection.CreateCommand();
                row.Transaction = transaction;
                row.CommandText = """
                    INSERT INTO llm_calls (session_id, seq, purpose, model, prompt_tokens, completion_tokens, latency_ms, simulated, error, cost_usd, retries, cached, samples)
                    VALUES ($id, $seq, $purpose, $model, $pt, $ct, $latency, $simulated, $error, $cost, $retries, $cached, $samples)
                    """;
                row.Parameters.AddWithValue("$id", result.SessionId);
                row.Parameters.AddWithValue("$seq", i);
                row.Parameters.AddWithValue("$purpose", call.Purpose);
                row.Parameters.AddWithValue("$model", call.Model);
                row.Parameters.AddWithValue("$pt", call.PromptTokens);
                row.Parameters.AddWithValue("$ct", call.CompletionTokens);
                row.Parameters.AddWithValue("$latency", call.LatencyMs);
                row.Parameters.AddWithValue("$simulated", call.Simulated ? 1 : 0);
                row.Parameters.AddWithValue("$error", (object?)call.Error ?? DBNull.Value);
                row.Parameters.AddWithValue("$cost", call.CostUsd);
                row.Parameters.AddWithValue("$retries", call.Retries);
                row.Parameters.AddWithValue("$cached", call.Cached ? 1 : 0);
                row.Parameters.AddWithValue("$samples", call.Samples);
                await row.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<SessionResult>> ListRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT result_json FROM sessions WHERE run_id = $run ORDER BY task_id, strategy, sample_index";
        command.Parameters.AddWithValue("$run", runId);
        var results = new List<SessionResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(JsonSerializer.Deserialize<SessionResult>(reader.GetString(0), ResultJson.Options)!);
        }

        return results;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _writeLock.Dispose();
}
