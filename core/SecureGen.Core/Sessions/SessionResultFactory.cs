using SecureGen.Core.Analysis;
using SecureGen.Core.Metrics;
using SecureGen.Core.Strategies;

namespace SecureGen.Core.Sessions;

/// <summary>Builds the stored result of a session from what its strategy did and what the trace saw.</summary>
public static class SessionResultFactory
{
    public static SessionResult FromOutcome(SessionInput input, StrategyOutcome outcome, TracingSessionContext trace, IReadOnlyList<LlmCall> calls, DateTimeOffset now, TimeSpan duration)
    {
        var chosen = outcome.Chosen;
        return Unjudged(input, trace, calls, now, duration) with
        {
            FinalCode = chosen?.Candidate.Code ?? string.Empty,
            Verdict = chosen?.Analysis.Verdict ?? Verdict.Unknown,
            Judge = chosen is null ? MetricsCalculator.ClassificationJudge : "static",
            Findings = chosen?.Analysis.Findings ?? [],
            Reasons = chosen?.Analysis.Reasons ?? [outcome.Reason],
            Unparsable = chosen?.Candidate.Unparsable ?? false,
            Score = chosen?.Score ?? CandidateScore.Unscored("no code: the task produced classifications"),
            Candidates = outcome.All.Select(Summarize).ToList(),
            Trace = trace.Notes.Append(chosen is null ? outcome.Reason : $"chosen {chosen.Candidate.Id}: {outcome.Reason}").ToList(),
            ChosenCandidateId = chosen?.Candidate.Id,
            ChoiceReason = outcome.Reason,
            Classifications = outcome.Classifications,
        };
    }

    /// <summary>A session that could not produce a verdict on code: the endpoint failed, or the task lacks what the strategy needs.</summary>
    public static SessionResult FromFailure(SessionInput input, TracingSessionContext trace, IReadOnlyList<LlmCall> calls, string reason, DateTimeOffset now, TimeSpan duration) =>
        Unjudged(input, trace, calls, now, duration) with
        {
            Reasons = [$"infrastructure failure: {reason}"],
            InfrastructureFailure = reason,
        };

    /// <summary>What every result says of its session, its calls and its trace, before any code is judged.</summary>
    private static SessionResult Unjudged(SessionInput input, TracingSessionContext trace, IReadOnlyList<LlmCall> calls, DateTimeOffset now, TimeSpan duration) =>
        new(
            input.RunId,
            input.SessionId,
            input.Task.Id,
            input.Task.Dataset,
            input.Task.Cwe,
            input.Strategy,
            input.SampleIndex,
            ModelOf(input, calls),
            Simulated: calls.Any(c => c.Simulated),
            FinalCode: string.Empty,
            Verdict: Verdict.Unknown,
            Judge: "none",
            Findings: [],
            Reasons: [],
            Unparsable: false,
            Score: CandidateScore.Unscored("no candidate"),
            Candidates: [],
            LlmCalls: calls,
            Trace: trace.Notes,
            InfrastructureFailure: null,
            CompletedAt: now,
            DurationMs: duration.TotalMilliseconds,
            Events: trace.Events,
            Parameters: trace.Parameters.Used,
            RefinementPairs: trace.RefinementPairs);

    private static string ModelOf(SessionInput input, IReadOnlyList<LlmCall> calls) =>
        calls.LastOrDefault(c => c.Error is null)?.Model ?? input.Model;

    private static CandidateSummary Summarize(EvaluatedCandidate e) =>
        new(e.Candidate.Id, e.Candidate.Index, e.Candidate.Origin, e.Analysis.Verdict, e.Candidate.Unparsable, e.Analysis.Findings.Count,
            e.Candidate.ExtractionMethod, e.Candidate.Repairs, e.Score, e.Candidate.ParentId, e.Candidate.Code, e.Analysis.Findings);
}
