using SecureGen.Core.Sessions;

namespace SecureGen.Core.Scoring;

/// <summary>Per-token scores of one piece of code, their mean, and each line's maximum.</summary>
public sealed record CodeScore(string ModelVersion, IReadOnlyList<TokenScore> Tokens)
{
    /// <summary>Mean token probability; null for code without tokens.</summary>
    public double? Mean => Tokens.Count == 0 ? null : Tokens.Average(t => (double)t.Score);

    public IReadOnlyList<LineScore> LineMaxima =>
        Tokens.GroupBy(t => t.Line).OrderBy(g => g.Key).Select(g => new LineScore(g.Key, g.Max(t => (double)t.Score))).ToList();

    /// <summary>The candidate-level view: scored with the mean, or unscored when there was nothing to score.</summary>
    public CandidateScore ToCandidateScore() =>
        Mean is { } mean ? CandidateScore.Scored(mean, ModelVersion, LineMaxima) : CandidateScore.Unscored("no code tokens to score");
}
