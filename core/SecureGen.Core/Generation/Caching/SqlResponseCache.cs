using System.Data.Common;
using SecureGen.Core.Storage;

namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// The response cache on any SQL engine behind <see cref="IDbConnectionFactory"/>: a SQLite file for one
/// machine, PostgreSQL for a cluster (where a session redelivered to another silo finds its replies).
/// One table and one set of statements for both (<see cref="ResponseCacheSchema"/>).
/// </summary>
public class SqlResponseCache : IResponseCache
{
    private readonly IDbConnectionFactory _factory;
    private readonly TimeProvider _clock;
    private long _hits;
    private long _misses;

    public SqlResponseCache(IDbConnectionFactory factory, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _factory = factory;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Samples served from the cache since this instance was created.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Samples looked up and not found.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public virtual async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await _factory.LockForMigrationAsync(connection, transaction, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ResponseCacheSchema.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, CacheEntry>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        await using var connection = await _factory.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = keys.Select((_, i) => $"k{i}").ToList();
        command.CommandText = $"""
            SELECT cache_key, endpoint, model, sample_index, content, finish_reason, response_model, prompt_tokens, completion_tokens, simulated
            FROM {ResponseCacheSchema.TableName} WHERE cache_key IN ({string.Join(", ", names.Select(n => "@" + n))})
            """;
        var index = 0;
        foreach (var key in keys)
        {
            DbCommands.AddParameter(command, names[index++], key);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = new CacheEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(8), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(9), System.Globalization.CultureInfo.InvariantCulture) != 0);
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

        await using var connection = await _factory.OpenAsync(cancellationToken);
        var created = _clock.GetUtcNow().ToString("O");
        if (connection.CanCreateBatch)
        {
            // One round trip for all samples (PostgreSQL runs a batch in one implicit transaction); it sits on
            // every model call's path.
            await using var batch = connection.CreateBatch();
            foreach (var e in entries)
            {
                var insert = batch.CreateBatchCommand();
                insert.CommandText = ResponseCacheSchema.Insert;
                AddInsertParameters(insert.Parameters, insert.CreateParameter, e, created);
                batch.BatchCommands.Add(insert);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var e in entries)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = ResponseCacheSchema.Insert;
            AddInsertParameters(insert.Parameters, insert.CreateParameter, e, created);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void AddInsertParameters(DbParameterCollection parameters, Func<DbParameter> create, CacheEntry e, string created)
    {
        void Add(string name, object? value)
        {
            var parameter = create();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            parameters.Add(parameter);
        }

        Add("key", e.Key);
        Add("endpoint", e.Endpoint);
        Add("model", e.Model);
        Add("sample", e.SampleIndex);
        Add("content", e.Content);
        Add("finish", e.FinishReason);
        Add("response_model", e.ResponseModel);
        Add("prompt_tokens", e.PromptTokens);
        Add("completion_tokens", e.CompletionTokens);
        Add("simulated", (short)(e.Simulated ? 1 : 0));
        Add("created", created);
    }

}
