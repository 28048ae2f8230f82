namespace SecureGen.Core.Analysis.External;

/// <summary>An external tool is configured in a way that can never work (bad name, no file placeholder, unbalanced quotes).</summary>
public sealed class ExternalToolConfigurationException : Exception
{
    public ExternalToolConfigurationException(string message) : base(message)
    {
    }

    public ExternalToolConfigurationException(string message, Exception inner) : base(message, inner)
    {
    }

    public ExternalToolConfigurationException()
    {
    }
}
