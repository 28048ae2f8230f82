using Orleans.Streams;
using SecureGen.Core.Storage;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Cli.Eval;

/// <summary>
/// Submits a run to its run grain and follows it until every planned session has ended: live from the run's
/// session-completed stream, and, because a memory stream may drop events, from the run grain's status and
/// the results store, which stay the truth. Whatever the stream missed is filled in from the store.
/// </summary>
internal static class RunFollower
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(IClusterClient client, ISessionStore store, RunSubmission submission, string runId, RunProgress progress, CancellationToken cancellationToken)
    {
        var stream = client.GetStreamProvider(StreamNames.Provider).GetStream<SessionCompleted>(StreamNames.SessionCompleted, runId);
        var subscription = await stream.SubscribeAsync(new SessionCompletedObserver(progress));
        try
        {
            var run = client.GetGrain<IRunGrain>(runId);
            await run.SubmitAsync(submission);
            while (!progress.Completion.IsCompleted)
            {
                await Task.WhenAny(progress.Completion, Task.Delay(PollInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (await StatusAsync(run) is { IsEnded: true })
                {
                    await FillInFromStoreAsync(store, runId, progress, cancellationToken);
                    break;
                }
            }
        }
        finally
        {
            try
            {
                await subscription.UnsubscribeAsync().WaitAsync(CallTimeout, CancellationToken.None);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                // The gateway the subscription went through is gone; the pub-sub forgets the observer with it.
            }
        }
    }

    /// <summary>
    /// The run's status, or null when this poll got no answer: a call sent through a gateway silo that died
    /// just then is never answered, and the next poll goes through another gateway.
    /// </summary>
    private static async Task<RunStatus?> StatusAsync(IRunGrain run)
    {
        try
        {
            return await run.GetStatusAsync().WaitAsync(CallTimeout, CancellationToken.None);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return null;
        }
    }

    private static async Task FillInFromStoreAsync(ISessionStore store, string runId, RunProgress progress, CancellationToken cancellationToken)
    {
        foreach (var fault in await store.ListFaultsAsync(runId, cancellationToken))
        {
            progress.MarkFaulted(fault.SessionId, fault.Reason);
        }

        foreach (var result in await store.ListRunAsync(runId, cancellationToken))
        {
            progress.MarkCompleted(result);
        }
    }
}
