using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Streams;
using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;
using SecureGen.Grains.Telemetry;

namespace SecureGen.Grains.Runs;

/// <summary>
/// One evaluation run: keeps at most MaxInFlight sessions started across the cluster (backpressure: the rest
/// wait here, not in every silo's queues), records each end once, and publishes progress on the run's stream.
/// Its state is written after the plan is accepted and then at most once a second (and when the run ends); a
/// reminder re-asks in-flight sessions for their status, so neither a lost completion nor the loss of this
/// grain's silo loses a session: sessions are idempotent through the results store.
/// </summary>
[Reentrant]
[RequiredRole(SiloRole.Session)]
public sealed partial class RunGrain(
    [PersistentState("run", GrainStorage.Name)] IPersistentState<RunState> state,
    [PersistentState("run-plan", GrainStorage.Name)] IPersistentState<RunPlanState> plan,
    IOptions<GrainOptions> options,
    TimeProvider clock,
    ClusterLoadMetrics load,
    ILogger<RunGrain> logger) : Grain, IRunGrain, IRemindable
{
    private const string ReminderName = "reconcile";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly GrainOptions _options = options.Value;
    private Dictionary<string, SessionInput>? _byId;
    private bool _dispatching;
    private bool _dirty;
    private int _faulted;
    private long _tokens;
    private double _cost;
    private bool _costKnown;
    private double _llmMs;
    private double _sessionMs;
    private DateTimeOffset _lastProgress = DateTimeOffset.MinValue;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var completion in state.State.Finished.Values)
        {
            AddUsage(completion);
        }

        this.RegisterGrainTimer(_ => FlushAsync(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        load.SetPendingSessions(this.GetPrimaryKeyString(), 0);
        return Task.CompletedTask;
    }

    public async Task SubmitAsync(RunSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (state.State.SubmittedAt is null)
        {
            // The plan is written once, apart from the progress the timer rewrites every second (which would
            // otherwise carry every session's input each time: quadratic in the run's size).
            plan.State.Sessions = [.. submission.Sessions];
            await plan.WriteStateAsync();
            state.State.MaxInFlight = Math.Max(1, submission.MaxInFlight);
            state.State.SubmittedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
            LogSubmitted(logger, submission.Sessions.Count, state.State.MaxInFlight);
        }

        if (!Status().IsEnded)
        {
            await this.RegisterOrUpdateReminder(ReminderName, _options.RunReminderPeriod, _options.RunReminderPeriod);
        }

        await DispatchAsync();
    }

    public Task<RunStatus> GetStatusAsync() => Task.FromResult(Status());

    public async Task<RunStatus> CancelAsync()
    {
        if (!state.State.Cancelled && !Status().IsFinished)
        {
            state.State.Cancelled = true;
            await state.WriteStateAsync();
            LogCancelled(logger, state.State.InFlight.Count);
        }

        var status = Status();
        if (status.IsEnded)
        {
            await FinishAsync();
        }

        await PublishAsync(status);
        return status;
    }

    public async Task SessionFinishedAsync(SessionCompleted completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        await RecordAsync(completion);
        await DispatchAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Status().IsEnded)
        {
            await FinishAsync();
            return;
        }

        // Sessions whose end never reached us (a lost call, a silo that died): ask them; restart any that lost their state.
        foreach (var id in state.State.InFlight.ToList())
        {
            var session = GrainFactory.GetGrain<ISessionGrain>(id);
            try
            {
                var sessionStatus = await session.GetStatusAsync();
                if (sessionStatus.Completion is { } completion)
                {
                    await RecordAsync(completion);
                }
                else if (sessionStatus.Phase == SessionPhase.NotStarted && Input(id) is { } input)
                {
                    await StartAsync(input);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSessionUnreachable(logger, id, e.Message);
            }
        }

        await DispatchAsync();
    }

    private async Task DispatchAsync()
    {
        if (_dispatching)
        {
            return;
        }

        _dispatching = true;
        try
        {
            var run = state.State;
            while (!run.Cancelled && run.InFlight.Count < run.MaxInFlight && run.Next < plan.State.Sessions.Count)
            {
                var input = plan.State.Sessions[run.Next++];
                _dirty = true;
                if (run.Finished.ContainsKey(input.SessionId) || !run.InFlight.Add(input.SessionId))
                {
                    continue;
                }

                await StartAsync(input);
            }
        }
        finally
        {
            _dispatching = false;
            load.SetPendingSessions(this.GetPrimaryKeyString(), plan.State.Sessions.Count - state.State.Next);
        }
    }

    private async Task StartAsync(SessionInput input)
    {
        try
        {
            var status = await GrainFactory.GetGrain<ISessionGrain>(input.SessionId).StartAsync(input);
            if (status.Completion is { } completion)
            {
                await RecordAsync(completion);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Stays in flight: the reminder asks again (no silo may host sessions right now).
            LogSessionUnreachable(logger, input.SessionId, e.Message);
        }
    }

    private async Task RecordAsync(SessionCompleted completion)
    {
        if (!state.State.Finished.TryAdd(completion.SessionId, completion))
        {
            return;
        }

        state.State.InFlight.Remove(completion.SessionId);
        AddUsage(completion);
        _dirty = true;
        var status = Status();
        if (status.IsEnded)
        {
            await FinishAsync();
        }

        var now = clock.GetUtcNow();
        if (status.IsEnded || now - _lastProgress >= ProgressInterval)
        {
            _lastProgress = now;
            await PublishAsync(status);
        }
    }

    private async Task FinishAsync()
    {
        await FlushAsync();
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task FlushAsync()
    {
        if (_dirty)
        {
            _dirty = false;
            await state.WriteStateAsync();
        }
    }

    private async Task PublishAsync(RunStatus status)
    {
        try
        {
            await this.GetStreamProvider(StreamNames.Provider).GetStream<RunStatus>(StreamNames.RunProgress, status.RunId).OnNextAsync(status);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Progress is for observers; the status query stays the truth.
            LogProgressNotPublished(logger, status.RunId, e.Message);
        }
    }

    private void AddUsage(SessionCompleted completion)
    {
        if (completion.Fault is not null)
        {
            _faulted++;
        }

        _tokens += completion.Tokens;
        if (completion.CostUsd is { } cost)
        {
            _cost += cost;
            _costKnown = true;
        }

        if (!completion.AlreadyStored)
        {
            _llmMs += completion.LlmMilliseconds;
            _sessionMs += completion.DurationMilliseconds;
        }
    }

    private SessionInput? Input(string sessionId)
    {
        _byId ??= plan.State.Sessions.ToDictionary(p => p.SessionId, StringComparer.Ordinal);
        return _byId.GetValueOrDefault(sessionId);
    }

    private RunStatus Status()
    {
        var run = state.State;
        return new RunStatus(this.GetPrimaryKeyString(), plan.State.Sessions.Count, run.Finished.Count - _faulted, _faulted, run.InFlight.Count,
            _tokens, _costKnown ? _cost : null, _llmMs, _sessionMs, run.SubmittedAt, run.Cancelled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run submitted: {Sessions} sessions planned, at most {MaxInFlight} in flight")]
    private static partial void LogSubmitted(ILogger logger, int sessions, int maxInFlight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run cancelled: {InFlight} session(s) in flight finish and are kept, the rest are not started")]
    private static partial void LogCancelled(ILogger logger, int inFlight);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} could not be reached ({Reason}); asking again on the next reminder")]
    private static partial void LogSessionUnreachable(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Run {RunId}: progress not published: {Reason}")]
    private static partial void LogProgressNotPublished(ILogger logger, string runId, string reason);
}
