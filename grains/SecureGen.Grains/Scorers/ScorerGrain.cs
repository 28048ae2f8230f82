using System.Diagnostics;
using MassTransit;
using SecureGen.Contracts;
using SecureGen.Core.Scoring;
using SecureGen.Core.Sessions;

namespace SecureGen.Grains.Scorers;

/// <summary>
/// Scores candidates in batches gathered across sessions (size and time limits in <see cref="ScorerGrainDefinition"/>):
/// every candidate of every request in the batch goes to the neural scorer in one call, which buckets token
/// windows by length, and each request gets its own scores back in order. Fails closed: without a scorer, model
/// or native library, candidates come back "unscored" with the reason, never with a made-up score.
/// </summary>
public sealed class ScorerGrain(ICodeScorer? scorer = null, ScorerMetrics? metrics = null) : IConsumer<Batch<ScoreCandidates>>
{
    public const string UnscoredReason = "no neural scorer configured on this silo: candidates pass through unscored";

    public async Task Consume(ConsumeContext<Batch<ScoreCandidates>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = context.Message;
        var codes = requests.SelectMany(r => r.Message.Candidates.Select(c => c.Code)).ToList();
        var started = Stopwatch.GetTimestamp();
        var result = scorer is null ? ScoringResult.Unavailable(UnscoredReason) : scorer.Score(codes);
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics?.RecordBatch(requests.Length, codes.Count, result.Scores?.Sum(s => (long)s.Tokens.Count) ?? 0, elapsed.TotalMilliseconds, result.Scores is not null);

        var offset = 0;
        foreach (var request in requests)
        {
            var count = request.Message.Candidates.Count;
            IReadOnlyList<CandidateScore> scores = result.Scores is { } all
                ? all.Skip(offset).Take(count).Select(s => s.ToCandidateScore()).ToList()
                : Enumerable.Repeat(CandidateScore.Unscored(Reason(result.UnavailableReason)), count).ToList();
            offset += count;
            await request.RespondAsync(new CandidatesScored(request.Message.SessionId, scores));
        }
    }

    private static string Reason(string? unavailable) =>
        unavailable == UnscoredReason ? UnscoredReason : $"neural scorer unavailable: {unavailable}";
}
