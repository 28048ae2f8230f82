namespace SecureGen.Core.Benchmarks;

/// <summary>Finds the loader for a dataset name given on the command line.</summary>
public sealed class DatasetCatalog
{
    private readonly Dictionary<string, IDatasetLoader> _loaders;

    public DatasetCatalog(IEnumerable<IDatasetLoader> loaders) =>
        _loaders = loaders.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);

    public static DatasetCatalog Default { get; } = new([new BuiltinDatasetLoader()]);

    public IEnumerable<string> Names => _loaders.Keys.Order(StringComparer.Ordinal);

    public IReadOnlyList<BenchmarkTask> Load(string name, string? path = null) =>
        _loaders.TryGetValue(name, out var loader)
            ? loader.Load(path)
            : throw new UnknownDatasetException(name, Names);
}
