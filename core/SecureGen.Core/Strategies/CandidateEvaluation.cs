using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>Analysis (and, when the strategy uses it, neural scoring) of a batch of candidates.</summary>
public static class CandidateEvaluation
{
    public const string ScorerNotUsed = "this strategy does not use the neural scorer";

    public static async Task<IReadOnlyList<EvaluatedCandidate>> EvaluateAsync(ISessionContext context, IReadOnlyList<Candidate> candidates, bool score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        // Neither needs the other: analysis and scoring run side by side (in a cluster, on other silos).
        var analysis = context.AnalyzeAsync(candidates, cancellationToken);
        var scoring = score
            ? context.ScoreAsync(candidates, cancellationToken)
            : Task.FromResult<IReadOnlyList<CandidateScore>>(candidates.Select(_ => CandidateScore.Unscored(ScorerNotUsed)).ToList());
        await Task.WhenAll(analysis, scoring);
        var (reports, scores) = (await analysis, await scoring);
        return candidates.Select((c, i) => new EvaluatedCandidate(c, reports[i], scores[i])).ToList();
    }

    /// <summary>Records a refinement (parent before, child after) with the session.</summary>
    public static Task RecordPairAsync(ISessionContext context, EvaluatedCandidate before, EvaluatedCandidate after, string strategy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var input = context.Input;
        var pair = new RefinementPair(input.SessionId, input.Task.Id, input.Task.Cwe, strategy,
            before.Candidate.Id, before.Candidate.Code, before.Analysis.Verdict, before.Analysis.Findings,
            after.Candidate.Id, after.Candidate.Code, after.Analysis.Verdict, after.Analysis.Findings);
        return context.RecordRefinementAsync(pair, cancellationToken);
    }
}
