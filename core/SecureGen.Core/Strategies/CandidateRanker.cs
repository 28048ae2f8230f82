using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>
/// SecureCoder's ranking, also used by FRANC without scores: the detectors' verdict first (Secure,
/// then Vulnerable, then Unknown, which includes unparsable code); within a verdict the lower
/// maximum finding severity, then fewer findings; then, when scores are used, the lower mean token
/// score (less vulnerable; scored before unscored); last the candidate index, so ties are stable.
/// </summary>
public static class CandidateRanker
{
    public static IReadOnlyList<EvaluatedCandidate> Rank(IEnumerable<EvaluatedCandidate> candidates, bool useScores)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates
            .OrderBy(c => VerdictRank(c.Analysis.Verdict))
            .ThenBy(c => c.Analysis.Findings.Count == 0 ? 0 : (int)c.Analysis.Findings.Max(f => f.Severity))
            .ThenBy(c => c.Analysis.Findings.Count)
            .ThenBy(c => useScores && c.Score.MeanTokenScore is { } s ? s : double.PositiveInfinity)
            .ThenBy(c => c.Candidate.Index)
            .ToList();
    }

    /// <summary>A short account of where a candidate stands: verdict, findings and score.</summary>
    public static string Describe(EvaluatedCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var findings = candidate.Analysis.Findings;
        var text = $"{candidate.Candidate.Id} {candidate.Analysis.Verdict}";
        if (findings.Count > 0)
        {
            text += $", {findings.Count} finding(s), max severity {findings.Max(f => f.Severity)}";
        }

        if (candidate.Candidate.Unparsable)
        {
            text += ", unparsable";
        }

        if (candidate.Score.MeanTokenScore is { } score)
        {
            text += $", score {score:0.####}";
        }

        return text;
    }

    private static int VerdictRank(Verdict verdict) => verdict switch
    {
        Verdict.Secure => 0,
        Verdict.Vulnerable => 1,
        _ => 2,
    };
}
