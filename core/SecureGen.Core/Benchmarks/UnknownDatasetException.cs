namespace SecureGen.Core.Benchmarks;

/// <summary>The user named a dataset that no loader knows.</summary>
public sealed class UnknownDatasetException : Exception
{
    public UnknownDatasetException(string name, IEnumerable<string> known)
        : base($"unknown dataset '{name}' (known: {string.Join(", ", known)})")
    {
    }

    public UnknownDatasetException()
    {
    }

    public UnknownDatasetException(string message) : base(message)
    {
    }

    public UnknownDatasetException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
