namespace SecureGen.Core.Benchmarks;

/// <summary>A dataset file is malformed. The message names the file and, where known, the line.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string file, int? line, string problem)
        : base(line is null ? $"{file}: {problem}" : $"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public DatasetFormatException()
    {
    }

    public DatasetFormatException(string message) : base(message)
    {
    }

    public DatasetFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public string? File { get; }

    public int? Line { get; }
}
