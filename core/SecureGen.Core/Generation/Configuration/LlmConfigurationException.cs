namespace SecureGen.Core.Generation.Configuration;

/// <summary>The LLM configuration file is missing, unreadable or wrong; the message names the file and the problem.</summary>
public sealed class LlmConfigurationException : Exception
{
    public LlmConfigurationException(string message) : base(message)
    {
    }

    public LlmConfigurationException(string message, Exception inner) : base(message, inner)
    {
    }

    public LlmConfigurationException()
    {
    }
}
