using System.Data.Common;
using System.Text.Json;
using SecureGen.Core.Reporting;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Storage;

/// <summary>
/// The session store on any SQL engine behind <see cref="IDbConnectionFactory"/>: SQLite embedded,
/// PostgreSQL in the cluster. One schema and one set of statements for both, so every code path
/// is exercised by the same tests on each engine. Sessions keep their full result as JSON;
/// findings and LLM calls are also rows so that they can be queried directly.
/// </summary>
public class SqlSessionStore : ISessionStore
{
    private readonly IDbConnectionFactory _factory;

    public SqlSessionStore(IDbConnectionFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
    }

    public string Engine => _factory.Engine;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _factory.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)", cancellationToken);
        var applied = new HashSet<int>();
        await using (var read = DbCommands.Create(connection, transaction, "SELECT version FROM schema_version"))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, sql) in StoreMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await ExecuteAsync(connection, transaction, "INSERT INTO schema_version (version) VALUES (@v)", cancellationToken, ("v", version));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<SessionResult?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT result_json FROM sessions WHERE session_id = @id", ("id", sessionId));
        var json = await command.ExecuteScalarAsync(cancellationToken) as string;
        return json is null ? null : JsonSerializer.Deserialize<SessionResult>(json, ResultJson.Options);
    }

    public async Task<bool> SaveAsync(SessionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction, """
            INSERT INTO sessions (session_id, run_id, task_id, strategy, sample_index, verdict, simulated, infrastructure_failure, completed_at, result_json)
            VALUES (@id, @run, @task, @strategy, @sample, @verdict, @simulated, @infra, @completed, @json)
            ON CONFLICT (session_id) DO NOTHING
            """, cancellationToken,
            ("id", result.SessionId), ("run", result.RunId), ("task", result.TaskId), ("strategy", result.Strategy),
            ("sample", result.SampleIndex), ("verdict", result.Verdict.ToString()), ("simulated", result.Simulated ? 1 : 0),
            ("infra", result.InfrastructureFailure), ("completed", result.CompletedAt.ToString("O")),
            ("json", JsonSerializer.Serialize(result, ResultJson.Options)));
        if (inserted == 0)
        {
            return false;
        }

        foreach (var f in result.Findings)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO findings (session_id, tool, rule_id, cwe, severity, line, message) VALUES (@id, @tool, @rule, @cwe, @severity, @line, @message)", cancellationToken,
                ("id", result.SessionId), ("tool", f.Tool), ("rule", f.RuleId), ("cwe", f.Cwe), ("severity", f.Severity.ToString()), ("line", f.Line), ("message", f.Message));
        }

        for (var i = 0; i < result.LlmCalls.Count; i++)
        {
            var c = result.LlmCalls[i];
            await ExecuteAsync(connection, transaction, """
                INSERT INTO llm_calls (session_id, seq, purpose, model, prompt_tokens, completion_tokens, latency_ms, simulated, error, cost_usd, retries, cached, samples)
                VALUES (@id, @seq, @purpose, @model, @pt, @ct, @latency, @simulated, @error, @cost, @retries, @cached, @samples)
                """, cancellationToken,
                ("id", result.SessionId), ("seq", i), ("purpose", c.Purpose), ("model", c.Model), ("pt", c.PromptTokens), ("ct", c.CompletionTokens),
                ("latency", c.LatencyMs), ("simulated", c.Simulated ? 1 : 0), ("error", c.Error), ("cost", c.CostUsd), ("retries", c.Retries),
                ("cached", c.Cached ? 1 : 0), ("samples", c.Samples));
        }

        // A session that failed before and now completed is no longer a fault.
        await ExecuteAsync(connection, transaction, "DELETE FROM session_faults WHERE session_id = @id", cancellationToken, ("id", result.SessionId));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<SessionResult>> ListRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT result_json FROM sessions WHERE run_id = @run ORDER BY task_id, strategy, sample_index", ("run", runId));
        var results = new List<SessionResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(JsonSerializer.Deserialize<SessionResult>(reader.GetString(0), ResultJson.Options)!);
        }

        return results;
    }

    public async Task<int> CountRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT COUNT(*) FROM sessions WHERE run_id = @run", ("run", runId));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task RecordFaultAsync(SessionFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            INSERT INTO session_faults (session_id, run_id, reason, occurred_at) VALUES (@id, @run, @reason, @at)
            ON CONFLICT (session_id) DO UPDATE SET reason = excluded.reason, occurred_at = excluded.occurred_at
            """, cancellationToken, ("id", fault.SessionId), ("run", fault.RunId), ("reason", fault.Reason), ("at", fault.OccurredAt.ToString("O")));
    }

    public async Task<IReadOnlyList<SessionFault>> ListFaultsAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = DbCommands.Create(connection, null, "SELECT session_id, run_id, reason, occurred_at FROM session_faults WHERE run_id = @run ORDER BY session_id", ("run", runId));
        var faults = new List<SessionFault>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            faults.Add(new SessionFault(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return faults;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = DbCommands.Create(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
