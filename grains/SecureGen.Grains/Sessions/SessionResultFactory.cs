using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;

namespace SecureGen.Grains.Sessions;

/// <summary>Builds the stored result of a session from what its strategy did.</summary>
internal static class SessionResultFactory
{
    public static SessionResult FromOutcome(SessionInput input, StrategyOutcome outcome, GrainSessionContext session, DateTimeOffset now, TimeSpan duration)
    {
        var chosen = outcome.Chosen;
        var trace = session.Trace.Append($"chosen {chosen.Candidate.Id}: {outcome.Reason}").ToList();
        return new SessionResult(
            input.RunId,
            input.SessionId,
            input.Task.Id,
            input.Task.Dataset,
            input.Task.Cwe,
            input.Strategy,
            input.SampleIndex,
            ModelOf(input, session),
            Simulated: session.Calls.Any(c => c.Simulated),
            FinalCode: chosen.Candidate.Code,
            Verdict: chosen.Analysis.Verdict,
            Judge: "static",
            Findings: chosen.Analysis.Findings,
            Reasons: chosen.Analysis.Reasons,
            Unparsable: chosen.Candidate.Unparsable,
            Score: chosen.Score,
            Candidates: outcome.All.Select(Summarize).ToList(),
            LlmCalls: session.Calls,
            Trace: trace,
            InfrastructureFailure: null,
            CompletedAt: now,
            DurationMs: duration.TotalMilliseconds);
    }

    public static SessionResult FromInfrastructureFailure(SessionInput input, GrainSessionContext session, string reason, DateTimeOffset now, TimeSpan duration) =>
        new(
            input.RunId,
            input.SessionId,
            input.Task.Id,
            input.Task.Dataset,
            input.Task.Cwe,
            input.Strategy,
            input.SampleIndex,
            ModelOf(input, session),
            Simulated: session.Calls.Any(c => c.Simulated),
            FinalCode: string.Empty,
            Verdict: Verdict.Unknown,
            Judge: "none",
            Findings: [],
            Reasons: [$"infrastructure failure: {reason}"],
            Unparsable: false,
            Score: CandidateScore.Unscored("no candidate"),
            Candidates: [],
            LlmCalls: session.Calls,
            Trace: session.Trace,
            InfrastructureFailure: reason,
            CompletedAt: now,
            DurationMs: duration.TotalMilliseconds);

    private static string ModelOf(SessionInput input, GrainSessionContext session) =>
        session.Calls.LastOrDefault(c => c.Error is null)?.Model ?? input.Model;

    private static CandidateSummary Summarize(EvaluatedCandidate e) =>
        new(e.Candidate.Id, e.Candidate.Index, e.Candidate.Origin, e.Analysis.Verdict, e.Candidate.Unparsable, e.Analysis.Findings.Count,
            e.Candidate.ExtractionMethod, e.Candidate.Repairs, e.Score);
}
