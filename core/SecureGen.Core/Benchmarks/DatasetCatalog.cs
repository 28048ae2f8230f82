using SecureGen.Core.Benchmarks.Download;
using SecureGen.Core.Benchmarks.Loaders;

namespace SecureGen.Core.Benchmarks;

/// <summary>Finds the loader for a dataset name given on the command line.</summary>
public sealed class DatasetCatalog
{
    private readonly Dictionary<string, IDatasetLoader> _loaders;

    public DatasetCatalog(IEnumerable<IDatasetLoader> loaders) =>
        _loaders = loaders.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);

    public static DatasetCatalog Default { get; } = new(
    [
        new BuiltinDatasetLoader(),
        new SecurityEvalLoader(),
        new LlmSecEvalLoader(),
        new PythonSecurityEvalLoader(),
        new SallmLoader(),
        new CwevalLoader(),
        new CyberSecEvalLoader(CyberSecEvalLoader.Suite.Instruct),
        new CyberSecEvalLoader(CyberSecEvalLoader.Suite.Autocomplete),
    ]);

    public IEnumerable<string> Names => _loaders.Keys.Order(StringComparer.Ordinal);

    public IDatasetLoader Find(string name) =>
        _loaders.TryGetValue(name, out var loader) ? loader : throw new UnknownDatasetException(name, Names);

    /// <summary>Loads from a local path; without one, from the loader's default location.</summary>
    public IReadOnlyList<BenchmarkTask> Load(string name, string? path = null) => Find(name).Load(path);

    /// <summary>Loads from a local path; without one, downloads the dataset from its public source into the cache first.</summary>
    public async Task<IReadOnlyList<BenchmarkTask>> LoadAsync(string name, string? path, DatasetDownloader downloader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        var loader = Find(name);
        if (path is null && loader.Source is { } source)
        {
            path = await downloader.EnsureAsync(loader.Name, source, cancellationToken);
        }

        return loader.Load(path);
    }
}
