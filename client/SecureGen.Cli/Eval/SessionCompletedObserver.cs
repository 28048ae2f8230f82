using MassTransit;
using SecureGen.Contracts;

namespace SecureGen.Cli.Eval;

/// <summary>Feeds the run's progress from SessionCompleted events, and from faults of sessions that could not finish.</summary>
internal sealed class SessionCompletedObserver(RunProgress progress) : IConsumer<SessionCompleted>, IConsumer<Fault<StartSession>>
{
    public Task Consume(ConsumeContext<SessionCompleted> context)
    {
        progress.MarkCompleted(context.Message.SessionId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<Fault<StartSession>> context)
    {
        var reason = string.Join("; ", context.Message.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
        progress.MarkFaulted(context.Message.Message.Input.SessionId, reason);
        return Task.CompletedTask;
    }
}
