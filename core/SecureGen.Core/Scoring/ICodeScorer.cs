namespace SecureGen.Core.Scoring;

/// <summary>The neural vulnerability scorer: per-token probabilities for many pieces of code at once.</summary>
public interface ICodeScorer
{
    /// <summary>Scores every piece of code in one batched pass; fails closed (a reason, no scores) when the model cannot run.</summary>
    ScoringResult Score(IReadOnlyList<string> codes);

    /// <summary>How callers should gather calls for this scorer (batch size and wait) on the provider it runs on.</summary>
    ScorerBatching Batching { get; }
}
