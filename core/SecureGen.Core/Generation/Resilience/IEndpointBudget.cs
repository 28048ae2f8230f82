namespace SecureGen.Core.Generation.Resilience;

/// <summary>
/// A rate budget shared beyond this process (in a cluster: one per endpoint for all silos). Asked before each
/// attempt, after the endpoint's local limits; the lease goes back with the tokens the call really used.
/// </summary>
public interface IEndpointBudget
{
    Task<IEndpointBudgetLease> AcquireAsync(LlmEndpointOptions endpoint, int tokens, CancellationToken cancellationToken);
}
