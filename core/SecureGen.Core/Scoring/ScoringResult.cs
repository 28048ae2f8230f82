namespace SecureGen.Core.Scoring;

/// <summary>Scores for a batch of code, in order; or why no score could be made (model or native library missing).</summary>
public sealed record ScoringResult(IReadOnlyList<CodeScore>? Scores, string? UnavailableReason)
{
    public static ScoringResult Unavailable(string reason) => new(null, reason);
}
