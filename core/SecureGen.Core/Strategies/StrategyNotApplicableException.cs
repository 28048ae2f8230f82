namespace SecureGen.Core.Strategies;

/// <summary>The task lacks what the strategy needs (repair and classify need the dataset's references).</summary>
public sealed class StrategyNotApplicableException : Exception
{
    public StrategyNotApplicableException(string message) : base(message)
    {
    }

    public StrategyNotApplicableException()
    {
    }

    public StrategyNotApplicableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
