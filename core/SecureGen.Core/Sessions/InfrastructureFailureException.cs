namespace SecureGen.Core.Sessions;

/// <summary>The session could not get what it needed from the infrastructure (LLM endpoint down): not a verdict on any code.</summary>
public sealed class InfrastructureFailureException : Exception
{
    public InfrastructureFailureException(string message) : base(message)
    {
    }

    public InfrastructureFailureException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public InfrastructureFailureException(string message, IReadOnlyList<LlmCall> calls) : base(message)
    {
        Calls = calls;
    }

    public InfrastructureFailureException()
    {
    }

    /// <summary>The failed call(s), so the session's record shows what was tried.</summary>
    public IReadOnlyList<LlmCall> Calls { get; } = [];
}
