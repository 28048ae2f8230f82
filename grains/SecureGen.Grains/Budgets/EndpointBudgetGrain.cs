using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Budgets;

/// <summary>
/// One LLM endpoint's budget for the whole cluster: at most MaxConcurrency leases at once, at most
/// RequestsPerMinute grants and TokensPerMinute reserved tokens in any minute. A caller that cannot have a lease
/// now is told how long to wait. Leases of a silo that died run out after their timeout. Kept in memory: if the
/// grain moves, the budget starts afresh, which errs for at most one minute and never stops the cluster.
/// </summary>
public sealed class EndpointBudgetGrain(TimeProvider clock) : Grain, IEndpointBudgetGrain
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ConcurrencyPoll = TimeSpan.FromMilliseconds(20);
    private readonly Dictionary<Guid, Lease> _leases = [];
    private readonly Queue<Grant> _grants = new();

    public Task<BudgetGrant> TryAcquireAsync(BudgetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        Expire(now, request.LeaseTimeout);

        if (request.MaxConcurrency > 0 && _leases.Count >= request.MaxConcurrency)
        {
            return Task.FromResult(new BudgetGrant(null, ConcurrencyPoll));
        }

        if (request.RequestsPerMinute > 0 && _grants.Count >= request.RequestsPerMinute)
        {
            return Task.FromResult(new BudgetGrant(null, _grants.Peek().At + Minute - now));
        }

        if (request.TokensPerMinute > 0)
        {
            var reserved = _grants.Sum(g => (long)g.Tokens.Value);
            if (reserved > 0 && reserved + request.Tokens > request.TokensPerMinute)
            {
                return Task.FromResult(new BudgetGrant(null, _grants.Peek().At + Minute - now));
            }
        }

        var id = Guid.NewGuid();
        var grant = new Grant(now, new TokenCount(request.Tokens));
        _grants.Enqueue(grant);
        _leases[id] = new Lease(now, grant);
        return Task.FromResult(new BudgetGrant(id, TimeSpan.Zero));
    }

    public Task ReleaseAsync(Guid leaseId, int usedTokens)
    {
        if (_leases.Remove(leaseId, out var lease))
        {
            lease.Grant.Tokens.Value = Math.Max(0, usedTokens);
        }

        return Task.CompletedTask;
    }

    private void Expire(DateTimeOffset now, TimeSpan leaseTimeout)
    {
        while (_grants.Count > 0 && now - _grants.Peek().At >= Minute)
        {
            _grants.Dequeue();
        }

        foreach (var stale in _leases.Where(l => now - l.Value.At >= leaseTimeout).Select(l => l.Key).ToList())
        {
            _leases.Remove(stale);
        }
    }

    private sealed record Lease(DateTimeOffset At, Grant Grant);

    private sealed record Grant(DateTimeOffset At, TokenCount Tokens);

    /// <summary>Tokens a grant holds against the minute: the estimate until its lease settles with the real count.</summary>
    private sealed class TokenCount(int value)
    {
        public int Value { get; set; } = value;
    }
}
