using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Scorers;

/// <summary>
/// Scores candidates in batches gathered across sessions. The neural scorer is not built yet,
/// so every candidate passes through as "unscored", and results say so.
/// </summary>
public sealed class ScorerGrain : IConsumer<Batch<ScoreCandidates>>
{
    public const string UnscoredReason = "neural scorer not available yet: candidates pass through unscored";

    public async Task Consume(ConsumeContext<Batch<ScoreCandidates>> context)
    {
        foreach (var item in context.Message)
        {
            var scores = item.Message.Candidates.Select(_ => CandidateScore.Unscored(UnscoredReason)).ToList();
            await item.RespondAsync(new CandidatesScored(item.Message.SessionId, scores));
        }
    }
}
