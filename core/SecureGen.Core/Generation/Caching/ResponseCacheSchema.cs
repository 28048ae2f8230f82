namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// The cache table. Written in the SQL that SQLite (3.24+) and PostgreSQL share: TEXT keys, INTEGER and
/// SMALLINT columns (no BOOLEAN, no AUTOINCREMENT), ISO-8601 text timestamps, and inserts through
/// ON CONFLICT DO NOTHING, so the cluster store can create the same table from the same text.
/// </summary>
public static class ResponseCacheSchema
{
    public const string TableName = "llm_response_cache";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS llm_response_cache (
            cache_key         TEXT PRIMARY KEY,
            endpoint          TEXT NOT NULL,
            model             TEXT NOT NULL,
            sample_index      INTEGER NOT NULL,
            content           TEXT NOT NULL,
            finish_reason     TEXT,
            response_model    TEXT NOT NULL,
            prompt_tokens     INTEGER NOT NULL,
            completion_tokens INTEGER NOT NULL,
            simulated         SMALLINT NOT NULL,
            created_at        TEXT NOT NULL);
        """;

    public const string Insert = """
        INSERT INTO llm_response_cache
            (cache_key, endpoint, model, sample_index, content, finish_reason, response_model, prompt_tokens, completion_tokens, simulated, created_at)
        VALUES (@key, @endpoint, @model, @sample, @content, @finish, @response_model, @prompt_tokens, @completion_tokens, @simulated, @created)
        ON CONFLICT (cache_key) DO NOTHING
        """;
}
