namespace SecureGen.Core.Strategies;

/// <summary>A strategy parameter was given a value it cannot take, or a name no strategy knows.</summary>
public sealed class StrategyParameterException : Exception
{
    public StrategyParameterException(string message) : base(message)
    {
    }

    public StrategyParameterException()
    {
    }

    public StrategyParameterException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
