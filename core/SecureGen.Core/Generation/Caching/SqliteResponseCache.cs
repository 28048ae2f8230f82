using SecureGen.Core.Storage;

namespace SecureGen.Core.Generation.Caching;

/// <summary>
/// The response cache in an embedded SQLite file: by default the run's own securegen.db (so a re-run or a
/// resume into the same output folder hits it), or any shared file given in the configuration.
/// </summary>
public sealed class SqliteResponseCache(string databasePath, TimeProvider? clock = null)
    : SqlResponseCache(new SqliteConnectionFactory(databasePath), clock), IDisposable
{
    public string Path { get; } = databasePath;

    public override Task InitializeAsync(CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return base.InitializeAsync(cancellationToken);
    }

    public void Dispose()
    {
        // Nothing is held between calls; the pooled connections close with the process.
    }
}
