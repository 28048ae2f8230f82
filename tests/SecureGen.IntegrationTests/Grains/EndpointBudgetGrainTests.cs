using Microsoft.Extensions.Options;
using SecureGen.Core.Generation;
using SecureGen.Grains;
using SecureGen.Grains.Budgets;
using SecureGen.Grains.Interfaces;

namespace SecureGen.IntegrationTests.Grains;

/// <summary>The endpoint budget grain's line: callers over the concurrency wait in the grain, in order, and nobody polls.</summary>
public sealed class EndpointBudgetGrainTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static BudgetRequest OneAtATime(TimeSpan? leaseTimeout = null) => new(100, 1, 0, 0, leaseTimeout ?? TimeSpan.FromMinutes(10));

    private static Task<GrainCluster> StartAsync(Action<GrainOptions>? change = null) =>
        GrainCluster.StartAsync(["all"], (_, _) => { }, GrainCluster.FastGrains(o =>
        {
            o.BudgetWaitInLine = TimeSpan.FromMinutes(1);
            change?.Invoke(o);
        }));

    /// <summary>A call that has surely been handled by the grain once it returns: what was sent before it is in line by then.</summary>
    private static Task RoundTrip(IEndpointBudgetGrain grain) => grain.ReleaseAsync(Guid.NewGuid(), 0);

    [Fact]
    public async Task A_caller_over_the_concurrency_waits_in_line_and_gets_the_lease_the_first_one_gives_back()
    {
        await using var cluster = await StartAsync();
        var grain = cluster.Client.GetGrain<IEndpointBudgetGrain>("line-" + Guid.NewGuid().ToString("N"));
        var first = await grain.TryAcquireAsync(OneAtATime());

        var second = grain.TryAcquireAsync(OneAtATime());
        await RoundTrip(grain);

        Assert.True(first.Granted);
        Assert.False(second.IsCompleted);
        await grain.ReleaseAsync(first.LeaseId!.Value, 10);
        var granted = await second.WaitAsync(Patience, TestContext.Current.CancellationToken);
        Assert.True(granted.Granted);
        Assert.NotEqual(first.LeaseId, granted.LeaseId);
    }

    [Fact]
    public async Task Callers_in_line_are_served_in_the_order_they_came()
    {
        await using var cluster = await StartAsync();
        var grain = cluster.Client.GetGrain<IEndpointBudgetGrain>("order-" + Guid.NewGuid().ToString("N"));
        var holder = await grain.TryAcquireAsync(OneAtATime());
        var second = grain.TryAcquireAsync(OneAtATime());
        await RoundTrip(grain);
        var third = grain.TryAcquireAsync(OneAtATime());
        await RoundTrip(grain);

        await grain.ReleaseAsync(holder.LeaseId!.Value, 0);
        var secondGrant = await second.WaitAsync(Patience, TestContext.Current.CancellationToken);
        await RoundTrip(grain);

        Assert.False(third.IsCompleted);
        await grain.ReleaseAsync(secondGrant.LeaseId!.Value, 0);
        Assert.True((await third.WaitAsync(Patience, TestContext.Current.CancellationToken)).Granted);
    }

    [Fact]
    public async Task A_caller_whose_wait_in_line_runs_out_is_told_to_ask_again_and_gets_a_lease_once_a_dead_holder_expires()
    {
        await using var cluster = await StartAsync(o => o.BudgetWaitInLine = TimeSpan.FromMilliseconds(200));
        var grain = cluster.Client.GetGrain<IEndpointBudgetGrain>("expiry-" + Guid.NewGuid().ToString("N"));
        var leaseTimeout = TimeSpan.FromSeconds(1);
        // Granted and never given back: its silo died.
        Assert.True((await grain.TryAcquireAsync(OneAtATime(leaseTimeout))).Granted);

        var answers = new List<BudgetGrant>();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        do
        {
            answers.Add(await grain.TryAcquireAsync(OneAtATime(leaseTimeout)).WaitAsync(patience.Token));
        }
        while (!answers[^1].Granted);

        Assert.False(answers[0].Granted);
        Assert.Equal(TimeSpan.Zero, answers[0].RetryAfter);
    }

    [Fact]
    public async Task A_lease_granted_to_a_caller_that_gave_up_waiting_goes_straight_back()
    {
        await using var cluster = await StartAsync();
        var grains = cluster.Client;
        var budget = new GrainEndpointBudget(grains, Options.Create(GrainCluster.FastGrains()), TimeProvider.System);
        var endpoint = new LlmEndpointOptions { Name = "gave-up-" + Guid.NewGuid().ToString("N"), MaxConcurrency = 1 };
        var holder = await budget.AcquireAsync(endpoint, 10, TestContext.Current.CancellationToken);
        using var giveUp = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(endpoint, 10, giveUp.Token);
        await RoundTrip(grains.GetGrain<IEndpointBudgetGrain>(endpoint.Name));

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await holder.DisposeAsync();

        // The line handed the released slot to the caller that gave up; it went back, so the next caller gets it
        // now instead of after the ten-minute lease timeout.
        await using var next = await budget.AcquireAsync(endpoint, 10, TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
    }
}
