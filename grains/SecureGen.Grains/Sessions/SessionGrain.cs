using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;

namespace SecureGen.Grains.Sessions;

/// <summary>
/// One prompt session: accepts its input (persisted, with a reminder), runs it through core's
/// <see cref="SessionRunner"/> with other grains as the backend, stores the result (idempotent by session id),
/// and reports the end to the run grain and the run's session-completed stream. A session that keeps failing
/// becomes a fault record after its attempts, so it never blocks its run. Refined candidates arrive on the
/// session's refined-candidates stream (implicit subscription).
/// </summary>
[ImplicitStreamSubscription(StreamNames.RefinedCandidates)]
[RequiredRole(SiloRole.Session)]
public sealed partial class SessionGrain(
    [PersistentState("session", GrainStorage.Name)] IPersistentState<SessionState> state,
    ISessionStore store,
    SessionRunner runner,
    IOptions<GrainOptions> options,
    TimeProvider clock,
    ILogger<SessionGrain> logger) : Grain, ISessionGrain, IRemindable, IStreamSubscriptionObserver
{
    private const string ReminderName = "resume";
    private readonly GrainOptions _options = options.Value;
    private Task? _work;
    private GrainSessionBackend? _backend;
    private IGrainReminder? _reminder;
    private bool _attemptRecorded;

    public Task<SessionStatus> StartAsync(SessionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return StartCoreAsync(input);
    }

    public Task<SessionStatus> GetStatusAsync() => Task.FromResult(Status());

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Phase is SessionPhase.Completed or SessionPhase.Faulted)
        {
            return UnregisterReminderAsync();
        }

        if (state.State.Phase == SessionPhase.Running && _work is null)
        {
            // This activation is new (the silo that ran the session died): pick it up.
            LogResuming(logger, state.State.Input?.SessionId ?? string.Empty, state.State.Attempts);
            Begin();
        }

        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<CandidateRefined>().ResumeAsync((item, _) =>
        {
            _backend?.OnRefined(item);
            return Task.CompletedTask;
        });
    }

    private async Task<SessionStatus> StartCoreAsync(SessionInput input)
    {
        if (state.State.Phase == SessionPhase.NotStarted)
        {
            state.State.Input = input;
            state.State.Phase = SessionPhase.Running;
            // The first attempt is counted in the same write that accepts the input (one store round trip less).
            state.State.Attempts = 1;
            _attemptRecorded = true;
            await state.WriteStateAsync();
            _reminder = await this.RegisterOrUpdateReminder(ReminderName, _options.SessionReminderPeriod, _options.SessionReminderPeriod);
        }

        if (state.State.Phase == SessionPhase.Running && _work is null)
        {
            Begin();
        }

        return Status();
    }

    private SessionStatus Status() => new(state.State.Phase, state.State.Attempts, state.State.Completion);

    private void Begin()
    {
        _backend = new GrainSessionBackend(GrainFactory, this.GetStreamProvider(StreamNames.Provider), state.State.Input!.SessionId, _options);
        _work = RunToEndAsync(state.State.Input!);
    }

    private async Task RunToEndAsync(SessionInput input)
    {
        SessionCompleted completion;
        var existing = await store.FindAsync(input.SessionId, CancellationToken.None);
        if (existing is not null)
        {
            LogAlreadyDone(logger, input.SessionId);
            completion = Completed(existing, alreadyStored: true);
        }
        else
        {
            completion = await RunWithRetriesAsync(input);
        }

        state.State.Phase = completion.Fault is null ? SessionPhase.Completed : SessionPhase.Faulted;
        state.State.Completion = completion;
        await state.WriteStateAsync();
        // Once the end is stored, neither the reminder's removal nor the report depends on the other.
        await Task.WhenAll(UnregisterReminderAsync(), ReportAsync(completion));
        _work = null;
    }

    private async Task<SessionCompleted> RunWithRetriesAsync(SessionInput input)
    {
        while (true)
        {
            if (!_attemptRecorded)
            {
                state.State.Attempts++;
                await state.WriteStateAsync();
            }

            _attemptRecorded = false;
            try
            {
                var result = await runner.RunAsync(input, _backend!, CancellationToken.None);
                if (result.InfrastructureFailure is { } failure)
                {
                    LogInfrastructureFailure(logger, input.SessionId, failure);
                }

                var stored = await store.SaveAsync(result, CancellationToken.None);
                // Another activation finished the same session first: report the stored result, not ours.
                var kept = stored ? result : await store.FindAsync(input.SessionId, CancellationToken.None) ?? result;
                return Completed(kept, alreadyStored: !stored);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                var reason = $"{e.GetType().Name}: {e.Message}";
                if (state.State.Attempts >= _options.SessionAttempts || e is Core.Strategies.UnknownStrategyException)
                {
                    LogFaulted(logger, input.SessionId, state.State.Attempts, reason);
                    await store.RecordFaultAsync(new SessionFault(input.SessionId, input.RunId, reason, clock.GetUtcNow()), CancellationToken.None);
                    return new SessionCompleted(input.RunId, input.SessionId, input.Task.Id, input.Strategy, Core.Analysis.Verdict.Unknown,
                        InfrastructureFailure: false, AlreadyStored: false, 0, null, 0, 0, Fault: reason);
                }

                LogRetrying(logger, input.SessionId, state.State.Attempts, reason);
                await Task.Delay(_options.SessionRetryDelay, clock);
            }
        }
    }

    private async Task ReportAsync(SessionCompleted completion)
    {
        // The run grain must hear of it (its reminder re-asks if this is lost); the stream is for observers only.
        try
        {
            await GrainFactory.GetGrain<IRunGrain>(completion.RunId).SessionFinishedAsync(completion);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReportFailed(logger, completion.SessionId, e.Message);
        }

        try
        {
            await this.GetStreamProvider(StreamNames.Provider)
                .GetStream<SessionCompleted>(StreamNames.SessionCompleted, completion.RunId)
                .OnNextAsync(completion);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReportFailed(logger, completion.SessionId, e.Message);
        }
    }

    private async Task UnregisterReminderAsync()
    {
        // An activation that registered the reminder keeps its handle; one that resumed the session looks it up.
        if ((_reminder ?? await this.GetReminder(ReminderName)) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminder = null;
        }
    }

    private static SessionCompleted Completed(SessionResult r, bool alreadyStored) =>
        new(r.RunId, r.SessionId, r.TaskId, r.Strategy, r.Verdict, r.InfrastructureFailure is not null, alreadyStored,
            SessionUsage.Tokens(r), SessionUsage.CostUsd(r), SessionUsage.ModelMilliseconds(r), r.DurationMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} is already stored; not run again")]
    private static partial void LogAlreadyDone(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} resumes on this silo after {Attempts} attempt(s)")]
    private static partial void LogResuming(ILogger logger, string sessionId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} ended in an infrastructure failure: {Reason}")]
    private static partial void LogInfrastructureFailure(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} failed (attempt {Attempt}), retrying: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string sessionId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId} failed on all {Attempts} attempt(s) and is recorded as a fault: {Reason}")]
    private static partial void LogFaulted(ILogger logger, string sessionId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: could not report its end yet ({Reason}); the run's reminder will ask again")]
    private static partial void LogReportFailed(ILogger logger, string sessionId, string reason);
}
