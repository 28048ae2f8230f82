using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Interfaces;

/// <summary>
/// The neural scorer: a few activations (integer keys), placed only on scorer silos, each gathering requests
/// from many sessions into one batched inference per size or time limit.
/// </summary>
public interface IScorerGrain : IGrainWithIntegerKey
{
    /// <summary>One score per candidate, in the order given; "unscored" with the reason when no model can run.</summary>
    Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<CandidateCode> candidates);
}
