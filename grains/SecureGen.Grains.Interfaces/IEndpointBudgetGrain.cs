namespace SecureGen.Grains.Interfaces;

/// <summary>
/// The rate budget of one LLM endpoint (keyed by endpoint name) for the whole cluster: concurrency, requests and
/// tokens per minute. Every silo asks it before a call, so ten silos together respect one provider's limits.
/// </summary>
public interface IEndpointBudgetGrain : IGrainWithStringKey
{
    /// <summary>A lease when the budget allows the call (waiting in line while the endpoint is at its concurrency), else how long to wait before asking again.</summary>
    Task<BudgetGrant> TryAcquireAsync(BudgetRequest request);

    /// <summary>Gives a lease back with the tokens the call really used.</summary>
    Task ReleaseAsync(Guid leaseId, int usedTokens);
}
