namespace SecureGen.Core.Sessions;

/// <summary>
/// The neural scorer's opinion of a candidate: "scored" with the mean per-token vulnerability probability
/// (SecureCoder's ranking signal), the model version and each line's highest token score; or "unscored"
/// with a reason when no scorer ran (never a made-up score).
/// </summary>
public sealed record CandidateScore(string Status, double? MeanTokenScore, string? Reason)
{
    public const string ScoredStatus = "scored";
    public const string UnscoredStatus = "unscored";

    /// <summary>The model version that produced the score (a folder name under models/).</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Per line of the candidate, its highest token score; null when unscored.</summary>
    public IReadOnlyList<LineScore>? Lines { get; init; }

    public static CandidateScore Unscored(string reason) => new(UnscoredStatus, null, reason);

    public static CandidateScore Scored(double mean, string modelVersion, IReadOnlyList<LineScore> lines) =>
        new(ScoredStatus, mean, null) { ModelVersion = modelVersion, Lines = lines };
}
