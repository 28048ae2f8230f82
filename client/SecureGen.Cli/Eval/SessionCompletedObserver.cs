using Orleans.Streams;
using SecureGen.Grains.Interfaces;

namespace SecureGen.Cli.Eval;

/// <summary>Feeds the run's progress from the run's session-completed stream: tokens and cost of each finished session, and the reason of each fault.</summary>
internal sealed class SessionCompletedObserver(RunProgress progress) : IAsyncObserver<SessionCompleted>
{
    public Task OnNextAsync(SessionCompleted item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Fault is { } fault)
        {
            progress.MarkFaulted(item.SessionId, fault);
        }
        else
        {
            progress.MarkCompleted(item.SessionId, item.Tokens, item.CostUsd, item.LlmMilliseconds, item.DurationMilliseconds);
        }

        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
