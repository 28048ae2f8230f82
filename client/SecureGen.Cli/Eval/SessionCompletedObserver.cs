using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Storage;

namespace SecureGen.Cli.Eval;

/// <summary>Feeds the run's progress from SessionCompleted events (with the tokens and cost the stored result used), and from faults of sessions that could not finish.</summary>
internal sealed class SessionCompletedObserver(RunProgress progress, ISessionStore store) : IConsumer<SessionCompleted>, IConsumer<Fault<StartSession>>
{
    public async Task Consume(ConsumeContext<SessionCompleted> context)
    {
        var result = await store.FindAsync(context.Message.SessionId, context.CancellationToken);
        progress.MarkCompleted(context.Message.SessionId, result);
    }

    public Task Consume(ConsumeContext<Fault<StartSession>> context)
    {
        var reason = string.Join("; ", context.Message.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
        progress.MarkFaulted(context.Message.Message.Input.SessionId, reason);
        return Task.CompletedTask;
    }
}
