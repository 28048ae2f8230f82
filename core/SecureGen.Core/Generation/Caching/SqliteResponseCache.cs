using Microsoft.Data.Sqlite;

namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// The response cache in an embedded SQLite file: by default the run's own securegen.db (so a re-run or a
/// resume into the same output folder hits it), or any shared file given in the configuration.
/// </summary>
public sealed class SqliteResponseCache : IResponseCache, IDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private long _hits;
    private long _misses;

    public SqliteResponseCache(string databasePath, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        SQLitePCL.Batteries_V2.Init();
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 60 }.ToString();
        _clock = clock ?? TimeProvider.System;
        Path = databasePath;
    }

    public string Path { get; }

    /// <summary>Samples served from the cache since this instance was created.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Samples looked up and not found.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; " + ResponseCacheSchema.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CacheEntry>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = keys.Select((k, i) => $"$k{i}").ToList();
        command.CommandText = $"""
            SELECT cache_key, endpoint, model, sample_index, content, finish_reason, response_model, prompt_tokens, completion_tokens, simulated
            FROM {ResponseCacheSchema.TableName} WHERE cache_key IN ({string.Join(", ", names)})
            """;
        var index = 0;
        foreach (var key in keys)
        {
            command.Parameters.AddWithValue(names[index++], key);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new CacheEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.GetInt32(7),
                reader.GetInt32(8),
                reader.GetInt32(9) != 0);
            found[entry.Key] = entry;
        }

        Interlocked.Add(ref _hits, found.Count);
        Interlocked.Add(ref _misses, keys.Count - found.Count);
        return found;
    }

    public async Task StoreAsync(IReadOnlyCollection<CacheEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var created = _clock.GetUtcNow().ToString("O");
            foreach (var e in entries)
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = ResponseCacheSchema.Insert;
                insert.Parameters.AddWithValue("$key", e.Key);
                insert.Parameters.AddWithValue("$endpoint", e.Endpoint);
                insert.Parameters.AddWithValue("$model", e.Model);
                insert.Parameters.AddWithValue("$sample", e.SampleIndex);
                insert.Parameters.AddWithValue("$content", e.Content);
                insert.Parameters.AddWithValue("$finish", (object?)e.FinishReason ?? DBNull.Value);
                insert.Parameters.AddWithValue("$response_model", e.ResponseModel);
                insert.Parameters.AddWithValue("$prompt_tokens", e.PromptTokens);
                insert.Parameters.AddWithValue("$completion_tokens", e.CompletionTokens);
                insert.Parameters.AddWithValue("$simulated", e.Simulated ? 1 : 0);
                insert.Parameters.AddWithValue("$created", created);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _writeLock.Dispose();
}
