namespace SecureGen.Core.Analysis;

/// <summary>A Python worker crashed, hung, or answered something that is not the protocol.</summary>
public sealed class WorkerFailedException : Exception
{
    public WorkerFailedException(string message) : base(message)
    {
    }

    public WorkerFailedException(string message, Exception inner) : base(message, inner)
    {
    }

    public WorkerFailedException()
    {
    }
}
