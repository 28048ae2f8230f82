namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// Persistent store of successful LLM replies, one row per sample, keyed by <see cref="CacheKey"/>.
/// Only successes are stored: an error is never cached.
/// </summary>
public interface IResponseCache
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The entries found for the given keys (missing keys are absent from the result).</summary>
    Task<IReadOnlyDictionary<string, CacheEntry>> FindAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Stores entries; a key already present keeps its first value.</summary>
    Task StoreAsync(IReadOnlyCollection<CacheEntry> entries, CancellationToken cancellationToken);
}
