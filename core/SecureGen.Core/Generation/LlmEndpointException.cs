namespace SecureGen.Core.Generation;

/// <summary>The LLM endpoint could not be reached or kept failing: an infrastructure failure, not a model result.</summary>
public sealed class LlmEndpointException : Exception
{
    public LlmEndpointException(string message) : base(message)
    {
    }

    public LlmEndpointException(string message, Exception inner) : base(message, inner)
    {
    }

    public LlmEndpointException()
    {
    }
}
