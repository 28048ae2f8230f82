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

    public InfrastructureFailureException()
    {
    }
}
