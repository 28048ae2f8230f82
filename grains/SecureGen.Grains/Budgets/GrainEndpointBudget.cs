using Microsoft.Extensions.Options;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Budgets;

/// <summary>The LLM client's shared budget in a cluster: each call holds a lease of the endpoint's budget grain, waiting in its line while the endpoint is busy.</summary>
public sealed class GrainEndpointBudget(IGrainFactory grains, IOptions<GrainOptions> options, TimeProvider clock) : IEndpointBudget
{
    public async Task<IEndpointBudgetLease> AcquireAsync(LlmEndpointOptions endpoint, int tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var grain = grains.GetGrain<IEndpointBudgetGrain>(endpoint.Name);
        var request = new BudgetRequest(tokens, endpoint.MaxConcurrency, endpoint.RequestsPerMinute, endpoint.TokensPerMinute, options.Value.BudgetLeaseTimeout);
        while (true)
        {
            var call = grain.TryAcquireAsync(request);
            BudgetGrant grant;
            try
            {
                // The grain may hold the call while the endpoint is busy; a cancelled caller stops waiting at once.
                grant = await call.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _ = GiveBackWhenGrantedAsync(grain, call);
                throw;
            }

            if (grant.LeaseId is { } id)
            {
                return new Lease(grain, id);
            }

            await Task.Delay(grant.RetryAfter, clock, cancellationToken);
        }
    }

    /// <summary>A lease granted to a caller that no longer waits goes straight back, so it never holds the budget.</summary>
    private static async Task GiveBackWhenGrantedAsync(IEndpointBudgetGrain grain, Task<BudgetGrant> call)
    {
        try
        {
            if ((await call).LeaseId is { } id)
            {
                await grain.ReleaseAsync(id, 0);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The lease runs out after its timeout anyway.
        }
    }

    private sealed class Lease(IEndpointBudgetGrain grain, Guid id) : IEndpointBudgetLease
    {
        private int _used;

        public void SetUsedTokens(int tokens) => _used = tokens;

        public async ValueTask DisposeAsync() => await grain.ReleaseAsync(id, _used);
    }
}
