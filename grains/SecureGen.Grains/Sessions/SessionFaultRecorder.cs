using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Storage;

namespace SecureGen.Grains.Sessions;

/// <summary>
/// Records a session whose StartSession went to the error queue after its retries, with the
/// reason, so operators and the client see it and the run does not wait for it forever.
/// </summary>
public sealed class SessionFaultRecorder(ISessionStore store, TimeProvider clock) : IConsumer<Fault<StartSession>>
{
    public async Task Consume(ConsumeContext<Fault<StartSession>> context)
    {
        var input = context.Message.Message.Input;
        var reason = string.Join("; ", context.Message.Exceptions.Select(e => $"{e.ExceptionType}: {e.Message}"));
        await store.RecordFaultAsync(new SessionFault(input.SessionId, input.RunId, reason, clock.GetUtcNow()), context.CancellationToken);
    }
}
