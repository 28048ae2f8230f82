namespace SecureGen.Core.Strategies;

/// <summary>A generation method: decides what to ask, what to check and which candidate to return.</summary>
public interface IGenerationStrategy
{
    string Name { get; }

    Task<StrategyOutcome> RunAsync(ISessionContext context, CancellationToken cancellationToken);
}
