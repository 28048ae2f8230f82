namespace SecureGen.Core.Sessions;

/// <summary>The neural scorer's opinion of a candidate; "unscored" with a reason when no scorer ran.</summary>
public sealed record CandidateScore(string Status, double? MeanTokenScore, string? Reason)
{
    public static CandidateScore Unscored(string reason) => new("unscored", null, reason);
}
