using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SecureGen.Grains.Telemetry;

/// <summary>
/// The silo's load as observable gauges on the "SecureGen.Cluster" meter, for autoscalers (KEDA reads them through
/// Prometheus): sessions that run grains on this silo have planned but not started yet, and candidates in analyzer
/// grains on this silo (waiting for a Python worker or being analyzed). Grains report into it; the gauges are read
/// at each scrape, always one point per silo (0 when idle).
/// </summary>
public sealed class ClusterLoadMetrics : IDisposable
{
    public const string MeterName = "SecureGen.Cluster";
    public const string PendingSessionsName = "securegen.sessions.pending";
    public const string AnalysisBacklogName = "securegen.analysis.backlog";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ConcurrentDictionary<string, int> _pendingByRun = new(StringComparer.Ordinal);
    private long _analysisBacklog;

    public ClusterLoadMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge(PendingSessionsName, () => PendingSessions, "{session}", "Sessions planned by run grains on this silo and not yet started");
        _meter.CreateObservableGauge(AnalysisBacklogName, () => AnalysisBacklog, "{candidate}", "Candidates waiting for or in analysis in analyzer grains on this silo");
    }

    public int PendingSessions => _pendingByRun.Values.Sum();

    public long AnalysisBacklog => Interlocked.Read(ref _analysisBacklog);

    /// <summary>A run grain's count of sessions not yet started; 0 (or its deactivation) removes the run.</summary>
    public void SetPendingSessions(string runId, int pending)
    {
        if (pending > 0)
        {
            _pendingByRun[runId] = pending;
        }
        else
        {
            _pendingByRun.TryRemove(runId, out _);
        }
    }

    /// <summary>Counts candidates as backlog until the returned scope is disposed.</summary>
    public IDisposable TrackAnalysis(int candidates)
    {
        Interlocked.Add(ref _analysisBacklog, candidates);
        return new AnalysisScope(this, candidates);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private sealed class AnalysisScope(ClusterLoadMetrics owner, int candidates) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Add(ref owner._analysisBacklog, -candidates);
            }
        }
    }
}
