namespace SecureGen.Core.Generation.Resilience;

/// <summary>One call's hold on a shared budget; disposing gives it back.</summary>
public interface IEndpointBudgetLease : IAsyncDisposable
{
    /// <summary>Settles the reservation with the tokens the call really used (0 for a failed attempt).</summary>
    void SetUsedTokens(int tokens);
}
