namespace SecureGen.Core.Benchmarks;

/// <summary>Loads one dataset format. Malformed input raises <see cref="DatasetFormatException"/> naming file and line.</summary>
public interface IDatasetLoader
{
    string Name { get; }

    IReadOnlyList<BenchmarkTask> Load(string? path);
}
