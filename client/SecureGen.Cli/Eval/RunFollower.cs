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
                if ((await run.GetStatusAsync()).IsEnded)
                {
                    await FillInFromStoreAsync(store, runId, progress, cancellationToken);
                    break;
                }
            }
        }
        finally
        {
            await subscription.UnsubscribeAsync();
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
