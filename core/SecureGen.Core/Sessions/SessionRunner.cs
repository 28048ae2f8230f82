using SecureGen.Core.Benchmarks.Judging;
using SecureGen.Core.Metrics;
using SecureGen.Core.Retrieval;
using SecureGen.Core.Strategies;
using SecureGen.Core.Telemetry;

namespace SecureGen.Core.Sessions;

/// <summary>
/// Runs one prompt session to its result: the strategy over a traced context, the task's tests on the final
/// code where the task has them, and the stored form of it all. An endpoint that finally fails, or a strategy
/// that does not apply to the task, ends as a result without a verdict on code; anything else propagates.
/// </summary>
public sealed class SessionRunner(StrategyCatalog strategies, SecureExampleRetrieval retrieval, TimeProvider clock)
{
    /// <exception cref="UnknownStrategyException">The input names no known strategy.</exception>
    public async Task<SessionResult> RunAsync(SessionInput input, ISessionBackend backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(backend);
        // The session's span: the grain calls and LLM calls it makes are its children, so one session is one trace.
        using var activity = SecureGenTelemetry.Source.StartActivity(SecureGenTelemetry.SessionSpan);
        activity?.SetTag("securegen.session.id", input.SessionId);
        activity?.SetTag("securegen.run.id", input.RunId);
        activity?.SetTag("securegen.strategy", input.Strategy);
        activity?.SetTag("securegen.task.id", input.Task.Id);
        SessionResult result;
        try
        {
            result = await RunCoreAsync(input, backend, cancellationToken);
        }
        catch (Exception e)
        {
            // The grain retries or records a fault; the span says why this attempt ended without a result.
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, $"{e.GetType().Name}: {e.Message}");
            throw;
        }

        var verdict = result.Verdict.ToString().ToLowerInvariant();
        activity?.SetTag("securegen.verdict", verdict);
        if (result.InfrastructureFailure is { } failure)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failure);
        }

        SecureGenMeters.SessionsCompleted.Add(1, new("verdict", verdict), new("strategy", input.Strategy));
        return result;
    }

    private async Task<SessionResult> RunCoreAsync(SessionInput input, ISessionBackend backend, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var context = new BackedSessionContext(input, backend, retrieval);
        var session = new TracingSessionContext(context);
        try
        {
            var strategy = strategies.Create(input.Strategy);
            var outcome = await strategy.RunAsync(session, cancellationToken);
            session.RecordChoice(outcome);
            var result = SessionResultFactory.FromOutcome(input, outcome, session, context.Calls, clock.GetUtcNow(), clock.GetElapsedTime(started));
            return await JudgeByTestsAsync(input, result, backend, cancellationToken);
        }
        catch (InfrastructureFailureException e)
        {
            return SessionResultFactory.FromFailure(input, session, context.Calls, e.Message, clock.GetUtcNow(), clock.GetElapsedTime(started));
        }
        catch (StrategyNotApplicableException e)
        {
            // Kept out of model metrics like an infrastructure failure: no code was judged.
            return SessionResultFactory.FromFailure(input, session, context.Calls, $"not applicable: {e.Message}", clock.GetUtcNow(), clock.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// Where the task has tests, they judge the final code in the sandbox (fail-closed: only passing security
    /// tests make it Secure); the analyzers' findings stay in the result beside the tests' verdict.
    /// </summary>
    private static async Task<SessionResult> JudgeByTestsAsync(SessionInput input, SessionResult result, ISessionBackend backend, CancellationToken cancellationToken)
    {
        if (input.Task.Tests is not { } suite || result.Judge == MetricsCalculator.ClassificationJudge)
        {
            return result;
        }

        var judgement = result.Unparsable
            ? new TestJudgement(TestRunOutcome.Inconclusive, TestRunOutcome.Inconclusive, string.Empty)
            : await backend.JudgeAsync(suite, result.FinalCode, cancellationToken);
        return TestJudgedResult.Apply(result, judgement);
    }
}
