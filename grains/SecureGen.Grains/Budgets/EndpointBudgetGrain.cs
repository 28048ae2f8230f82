using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Grains.Budgets;

/// <summary>
/// One LLM endpoint's budget for the whole cluster: at most MaxConcurrency leases at once, at most
/// RequestsPerMinute grants and TokensPerMinute reserved tokens in any minute. A caller over the concurrency limit
/// waits in line inside the grain (reentrant), and each lease given back goes to the first in line, so callers
/// are served in order and nobody polls; one over a per-minute limit is told how long to wait. Leases of a silo
/// that died run out after their timeout. Kept in memory: if the grain moves, the budget starts afresh, which errs
/// for at most one minute and never stops the cluster.
/// </summary>
[Reentrant]
public sealed class EndpointBudgetGrain(IOptions<GrainOptions> options, TimeProvider clock) : Grain, IEndpointBudgetGrain
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, Lease> _leases = [];
    private readonly Queue<Grant> _grants = new();
    private readonly LinkedList<Waiter> _line = new();

    public async Task<BudgetGrant> TryAcquireAsync(BudgetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Expire(clock.GetUtcNow(), request.LeaseTimeout);
        ServeLine();
        if (!ConcurrencyFull(request) && _line.Count == 0)
        {
            return Admit(request);
        }

        var waiter = new Waiter(request);
        var place = _line.AddLast(waiter);
        try
        {
            return await waiter.Answer.Task.WaitAsync(options.Value.BudgetWaitInLine, clock);
        }
        catch (TimeoutException)
        {
            // The grain's turns do not interleave here: either a release answered first, or the place is still ours.
            if (waiter.Answer.Task.IsCompletedSuccessfully)
            {
                return waiter.Answer.Task.Result;
            }

            _line.Remove(place);
            return new BudgetGrant(null, TimeSpan.Zero);
        }
    }

    public Task ReleaseAsync(Guid leaseId, int usedTokens)
    {
        if (_leases.Remove(leaseId, out var lease))
        {
            lease.Grant.Tokens.Value = Math.Max(0, usedTokens);
        }

        ServeLine();
        return Task.CompletedTask;
    }

    /// <summary>The longest in line get what has come free, in order.</summary>
    private void ServeLine()
    {
        while (_line.First is { } first && !ConcurrencyFull(first.Value.Request))
        {
            _line.RemoveFirst();
            first.Value.Answer.TrySetResult(Admit(first.Value.Request));
        }
    }

    private bool ConcurrencyFull(BudgetRequest request) => request.MaxConcurrency > 0 && _leases.Count >= request.MaxConcurrency;

    /// <summary>A lease, unless a per-minute limit says how long to wait.</summary>
    private BudgetGrant Admit(BudgetRequest request)
    {
        var now = clock.GetUtcNow();
        if (request.RequestsPerMinute > 0 && _grants.Count >= request.RequestsPerMinute)
        {
            return new BudgetGrant(null, _grants.Peek().At + Minute - now);
        }

        if (request.TokensPerMinute > 0)
        {
            var reserved = _grants.Sum(g => (long)g.Tokens.Value);
            if (reserved > 0 && reserved + request.Tokens > request.TokensPerMinute)
            {
                return new BudgetGrant(null, _grants.Peek().At + Minute - now);
            }
        }

        var id = Guid.NewGuid();
        var grant = new Grant(now, new TokenCount(request.Tokens));
        _grants.Enqueue(grant);
        _leases[id] = new Lease(now, grant);
        return new BudgetGrant(id, TimeSpan.Zero);
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

    private sealed record Waiter(BudgetRequest Request)
    {
        public TaskCompletionSource<BudgetGrant> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Tokens a grant holds against the minute: the estimate until its lease settles with the real count.</summary>
    private sealed class TokenCount(int value)
    {
        public int Value { get; set; } = value;
    }
}
