using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using SecureGen.Core.Scoring;
using SecureGen.Core.Sessions;
using SecureGen.Core.Telemetry;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;

namespace SecureGen.Grains.Scorers;

/// <summary>
/// Gathers score requests from many sessions and runs them as one batch when the batch is full or the oldest
/// request has waited long enough (both as the scorer's <see cref="ScorerBatching"/> says for the provider it runs
/// on: small and quick on CPU, wide on a GPU): every candidate of the batch goes to the neural scorer in one call,
/// which buckets token windows by length, and each request gets its own scores back in order. Reentrant, so
/// requests keep arriving while a batch runs (off the grain's thread). Fails closed: without a scorer or model,
/// candidates come back "unscored" with the reason, never with a made-up score.
/// </summary>
[Reentrant]
[RequiredRole(SiloRole.Scorer)]
public sealed class ScorerGrain(IServiceProvider services, ScorerMetrics metrics, TimeProvider clock) : Grain, IScorerGrain
{
    public const string UnscoredReason = "no neural scorer configured on this silo: candidates pass through unscored";

    private readonly ICodeScorer? _scorer = services.GetService<ICodeScorer>();
    private List<PendingScore> _batch = [];
    private int _batchCandidates;
    private bool _flushScheduled;

    public Task<IReadOnlyList<CandidateScore>> ScoreAsync(IReadOnlyList<CandidateCode> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CandidateScore>>([]);
        }

        if (_scorer is null)
        {
            return Task.FromResult<IReadOnlyList<CandidateScore>>(Enumerable.Repeat(CandidateScore.Unscored(UnscoredReason), candidates.Count).ToList());
        }

        var pending = new PendingScore(candidates);
        _batch.Add(pending);
        _batchCandidates += candidates.Count;
        if (_batchCandidates >= _scorer.Batching.MaxBatchSize)
        {
            _ = FlushAsync();
        }
        else if (!_flushScheduled)
        {
            _flushScheduled = true;
            _ = FlushAfterWindowAsync();
        }

        return pending.Scores.Task;
    }

    private async Task FlushAfterWindowAsync()
    {
        await Task.Delay(_scorer!.Batching.MaxWait, clock);
        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        var batch = _batch;
        _batch = [];
        _batchCandidates = 0;
        _flushScheduled = false;
        if (batch.Count == 0)
        {
            return;
        }

        var codes = batch.SelectMany(p => p.Candidates.Select(c => c.Code)).ToList();
        using var activity = SecureGenTelemetry.Source.StartActivity(SecureGenTelemetry.ScorerBatchSpan)?.SetTag("securegen.scorer.batch.size", codes.Count);
        var started = Stopwatch.GetTimestamp();
        // Inference is CPU (or GPU) work: off the grain's scheduler, so new requests gather for the next batch meanwhile.
        ScoringResult result;
        try
        {
            result = await Task.Run(() => _scorer!.Score(codes));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Fail closed for every waiting session: a scorer that throws leaves its batch unscored, not hanging.
            result = new ScoringResult(null, $"the scorer failed: {e.GetType().Name}: {e.Message}");
        }


        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.RecordBatch(batch.Count, codes.Count, result.Scores?.Sum(s => (long)s.Tokens.Count) ?? 0, elapsed.TotalMilliseconds, result.Scores is not null);

        var offset = 0;
        foreach (var pending in batch)
        {
            var count = pending.Candidates.Count;
            IReadOnlyList<CandidateScore> scores = result.Scores is { } all
                ? all.Skip(offset).Take(count).Select(s => s.ToCandidateScore()).ToList()
                : Enumerable.Repeat(CandidateScore.Unscored($"neural scorer unavailable: {result.UnavailableReason}"), count).ToList();
            offset += count;
            pending.Scores.TrySetResult(scores);
        }
    }

    private sealed record PendingScore(IReadOnlyList<CandidateCode> Candidates)
    {
        public TaskCompletionSource<IReadOnlyList<CandidateScore>> Scores { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
