namespace SecureGen.Core.Strategies;

/// <summary>The user named a strategy that does not exist.</summary>
public sealed class UnknownStrategyException : Exception
{
    public UnknownStrategyException(string name, IEnumerable<string> known)
        : base($"unknown strategy '{name}' (known: {string.Join(", ", known)})")
    {
    }

    public UnknownStrategyException()
    {
    }

    public UnknownStrategyException(string message) : base(message)
    {
    }

    public UnknownStrategyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
