namespace SecureGen.Core.Benchmarks;

/// <summary>The task filters select nothing, or name a task the dataset does not have.</summary>
public sealed class TaskSelectionException : Exception
{
    public TaskSelectionException(string message) : base(message)
    {
    }

    public TaskSelectionException()
    {
    }

    public TaskSelectionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
