using SecureGen.Core.Sessions;
using SecureGen.Core.Strategies;

namespace SecureGen.UnitTests.Strategies;

public sealed class CandidateRankerTests
{
    private static EvaluatedCandidate Evaluated(int index, string code) =>
        new(new Candidate($"c{index}", index, code, code, "fenced", [], code.Contains("def (", StringComparison.Ordinal) ? "bad" : null), MarkerAnalyzer.Analyze(code), MarkerAnalyzer.Score(code));

    [Fact]
    public void Secure_comes_first_then_vulnerable_by_severity_and_count_then_unknown_and_scores_break_ties()
    {
        var candidates = new[]
        {
            Evaluated(0, Code.Crash),                         // Unknown
            Evaluated(1, Code.Vulnerable("High", 1)),         // Vulnerable, High x1
            Evaluated(2, Code.Vulnerable("Medium", 3)),       // Vulnerable, Medium x3
            Evaluated(3, Code.Clean(score: 0.9)),             // Secure, worse score
            Evaluated(4, Code.Vulnerable("Medium", 1, 0.2)),  // Vulnerable, Medium x1
            Evaluated(5, Code.Clean(score: 0.1)),             // Secure, better score
            Evaluated(6, Code.Unparsable),                    // Unknown (unparsable)
            Evaluated(7, Code.Vulnerable("High", 2)),         // Vulnerable, High x2
            Evaluated(8, Code.Clean()),                       // Secure, unscored: after scored ones
            Evaluated(9, Code.Vulnerable("Low", 1)),          // Secure (a Low finding is below the threshold) but with a finding
        };

        var ranked = CandidateRanker.Rank(candidates, useScores: true).Select(c => c.Candidate.Index).ToList();

        Assert.Equal([5, 3, 8, 9, 4, 2, 1, 7, 0, 6], ranked);
    }

    [Fact]
    public void Without_scores_ties_keep_the_sampling_order()
    {
        var candidates = new[] { Evaluated(0, Code.Clean(score: 0.9)), Evaluated(1, Code.Clean(score: 0.1)), Evaluated(2, Code.Vulnerable("High")) };

        var ranked = CandidateRanker.Rank(candidates, useScores: false).Select(c => c.Candidate.Index).ToList();

        Assert.Equal([0, 1, 2], ranked);
    }

    [Fact]
    public void Among_vulnerable_candidates_a_lower_mean_token_score_wins_when_severity_and_count_tie()
    {
        var candidates = new[] { Evaluated(0, Code.Vulnerable("High", 1, 0.8)), Evaluated(1, Code.Vulnerable("High", 1, 0.3)) };

        Assert.Equal(1, CandidateRanker.Rank(candidates, useScores: true)[0].Candidate.Index);
        Assert.Equal(0, CandidateRanker.Rank(candidates, useScores: false)[0].Candidate.Index);
    }
}
