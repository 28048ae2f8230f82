using System.Diagnostics.Metrics;

namespace SecureGen.Grains.Scorers;

/// <summary>
/// The scorer grain's instruments on the "SecureGen.Scorer" meter: how many requests and candidates each
/// batch gathered, how many tokens it ran, how long it took, and how many candidates stayed unscored.
/// </summary>
public sealed class ScorerMetrics : IDisposable
{
    public const string MeterName = "SecureGen.Scorer";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<int> _batchRequests;
    private readonly Histogram<int> _batchCandidates;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _tokens;
    private readonly Counter<long> _unscored;

    public ScorerMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _batchRequests = _meter.CreateHistogram<int>("securegen.scorer.batch.requests", "{request}", "ScoreCandidates requests gathered into one batch (across sessions)");
        _batchCandidates = _meter.CreateHistogram<int>("securegen.scorer.batch.size", "{candidate}", "Candidates scored in one batch");
        _batchDuration = _meter.CreateHistogram<double>("securegen.scorer.batch.duration", "ms", "Time to score one batch");
        _tokens = _meter.CreateCounter<long>("securegen.scorer.tokens", "{token}", "Tokens scored");
        _unscored = _meter.CreateCounter<long>("securegen.scorer.unscored", "{candidate}", "Candidates left unscored (no model, native library missing, or a failed run)");
    }

    public void RecordBatch(int requests, int candidates, long tokens, double milliseconds, bool scored)
    {
        _batchRequests.Record(requests);
        _batchCandidates.Record(candidates);
        _batchDuration.Record(milliseconds);
        _tokens.Add(tokens);
        if (!scored)
        {
            _unscored.Add(candidates);
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
