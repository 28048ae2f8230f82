namespace SecureGen.Core.Benchmarks;

/// <summary>Loads one dataset format. Malformed input raises <see cref="DatasetFormatException"/> naming file and line.</summary>
public interface IDatasetLoader
{
    string Name { get; }

    /// <summary>Where the dataset is published, for when no local path is given; null when it ships with SecureGen.</summary>
    DatasetSource? Source { get; }

    /// <summary>Loads from a local file or folder; null means the loader's default location.</summary>
    IReadOnlyList<BenchmarkTask> Load(string? path);
}
