using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>
/// The LLM endpoint finally failed for a grain's request. Crosses grains as an exception (Orleans carries it) with
/// the failed calls, so the session records what was tried and ends in an infrastructure failure.
/// </summary>
[GenerateSerializer]
public sealed class LlmEndpointFailedException : Exception
{
    public LlmEndpointFailedException()
    {
    }

    public LlmEndpointFailedException(string message) : base(message)
    {
    }

    public LlmEndpointFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public LlmEndpointFailedException(string message, IReadOnlyList<LlmCall> calls) : base(message)
    {
        Calls = calls;
    }

    [Id(0)]
    public IReadOnlyList<LlmCall> Calls { get; private set; } = [];

    public InfrastructureFailureException ToInfrastructureFailure() => new(Message, Calls);
}
