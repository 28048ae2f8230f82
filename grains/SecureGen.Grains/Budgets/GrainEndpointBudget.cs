using Microsoft.Extensions.Options;
using SecureGen.Core.Generation;
using SecureGen.Core.Generation.Resilience;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Budgets;

/// <summary>The LLM client's shared budget in a cluster: each call holds a lease of the endpoint's budget grain.</summary>
public sealed class GrainEndpointBudget(IGrainFactory grains, IOptions<GrainOptions> options, TimeProvider clock) : IEndpointBudget
{
    public async Task<IEndpointBudgetLease> AcquireAsync(LlmEndpointOptions endpoint, int tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var grain = grains.GetGrain<IEndpointBudgetGrain>(endpoint.Name);
        var request = new BudgetRequest(tokens, endpoint.MaxConcurrency, endpoint.RequestsPerMinute, endpoint.TokensPerMinute, options.Value.BudgetLeaseTimeout);
        while (true)
        {
            var grant = await grain.TryAcquireAsync(request);
            if (grant.LeaseId is { } id)
            {
                return new Lease(grain, id);
            }

            await Task.Delay(grant.RetryAfter, clock, cancellationToken);
        }
    }

    private sealed class Lease(IEndpointBudgetGrain grain, Guid id) : IEndpointBudgetLease
    {
        private int _used;

        public void SetUsedTokens(int tokens) => _used = tokens;

        public async ValueTask DisposeAsync() => await grain.ReleaseAsync(id, _used);
    }
}
