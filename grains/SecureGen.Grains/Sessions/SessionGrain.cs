using MassTransit;
using Microsoft.Extensions.Logging;
using SecureGen.Contracts;
using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Sessions;
using SecureGen.Core.Storage;
using SecureGen.Core.Strategies;

namespace SecureGen.Grains.Sessions;

/// <summary>
/// One prompt session: runs the strategy to its end with a traced context, stores the result and
/// publishes SessionCompleted (and each refinement pair, for scorer bootstrapping). The message is acknowledged only afterwards, so a session on a node
/// that dies is redelivered; the store makes the redelivery idempotent.
/// </summary>
public sealed partial class SessionGrain(
    ISessionStore store,
    StrategyCatalog strategies,
    IRequestClient<GenerateCandidates> generate,
    IRequestClient<AnalyzeCandidates> analyze,
    IRequestClient<ScoreCandidates> score,
    IRequestClient<JudgeCandidate> judge,
    SecureExampleRetrieval retrieval,
    TimeProvider clock,
    ILogger<SessionGrain> logger) : IConsumer<StartSession>
{
    public async Task Consume(ConsumeContext<StartSession> context)
    {
        var input = context.Message.Input;
        var cancellationToken = context.CancellationToken;
        var existing = await store.FindAsync(input.SessionId, cancellationToken);
        if (existing is not null)
        {
            LogAlreadyDone(logger, input.SessionId);
            await context.Publish(Completed(existing, alreadyStored: true), cancellationToken);
            return;
        }

        var started = clock.GetTimestamp();
        var transport = new GrainSessionContext(input, generate, analyze, score, retrieval);
        var session = new TracingSessionContext(transport);
        SessionResult result;
        try
        {
            var strategy = strategies.Create(input.Strategy);
            var outcome = await strategy.RunAsync(session, cancellationToken);
            session.RecordChoice(outcome);
            result = SessionResultFactory.FromOutcome(input, outcome, session, transport.Calls, clock.GetUtcNow(), clock.GetElapsedTime(started));
            result = await JudgeByTestsAsync(input, result, cancellationToken);
        }
        catch (InfrastructureFailureException e)
        {
            LogInfrastructureFailure(logger, input.SessionId, e.Message);
            result = SessionResultFactory.FromFailure(input, session, transport.Calls, e.Message, clock.GetUtcNow(), clock.GetElapsedTime(started));
        }
        catch (StrategyNotApplicableException e)
        {
            // Kept out of model metrics like an infrastructure failure: no code was judged.
            LogNotApplicable(logger, input.SessionId, e.Message);
            result = SessionResultFactory.FromFailure(input, session, transport.Calls, $"not applicable: {e.Message}", clock.GetUtcNow(), clock.GetElapsedTime(started));
        }

        var stored = await store.SaveAsync(result, cancellationToken);
        if (!stored)
        {
            // Another node finished the same session first; report the stored result, not ours.
            result = await store.FindAsync(input.SessionId, cancellationToken) ?? result;
        }

        if (stored)
        {
            foreach (var pair in result.RefinementPairs ?? [])
            {
                await context.Publish(new RefinementPairProduced(result.RunId, pair), cancellationToken);
            }
        }

        await context.Publish(Completed(result, alreadyStored: !stored), cancellationToken);
    }

    /// <summary>
    /// Where the task has tests, they judge the final code in the sandbox (fail-closed: only passing security
    /// tests make it Secure); the analyzers' findings stay in the result beside the tests' verdict.
    /// </summary>
    private async Task<SessionResult> JudgeByTestsAsync(SessionInput input, SessionResult result, CancellationToken cancellationToken)
    {
        if (input.Task.Tests is not { } suite || result.Judge == Core.Metrics.MetricsCalculator.ClassificationJudge)
        {
            return result;
        }

        TestJudgement judgement;
        if (result.Unparsable)
        {
            judgement = new TestJudgement(TestRunOutcome.Inconclusive, TestRunOutcome.Inconclusive, string.Empty);
        }
        else
        {
            var reply = await judge.GetResponse<CandidateJudged>(new JudgeCandidate(input.SessionId, suite, result.FinalCode), cancellationToken);
            judgement = reply.Message.Judgement;
        }

        return TestJudgedResult.Apply(result, judgement);
    }

    private static SessionCompleted Completed(SessionResult r, bool alreadyStored) =>
        new(r.RunId, r.SessionId, r.TaskId, r.Strategy, r.Verdict, r.InfrastructureFailure is not null, alreadyStored);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} is already stored; not run again")]
    private static partial void LogAlreadyDone(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} is not applicable to its task: {Reason}")]
    private static partial void LogNotApplicable(ILogger logger, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} ended in an infrastructure failure: {Reason}")]
    private static partial void LogInfrastructureFailure(ILogger logger, string sessionId, string reason);
}
