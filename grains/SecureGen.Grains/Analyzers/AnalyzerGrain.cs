using Orleans.Concurrency;
using SecureGen.Core.Analysis;
using SecureGen.Core.Sessions;
using SecureGen.Grains.Interfaces;
using SecureGen.Grains.Placement;
using SecureGen.Grains.Telemetry;

namespace SecureGen.Grains.Analyzers;

/// <summary>
/// Static analysis through the silo's persistent Python workers. A stateless-worker pool: up to one activation
/// per core on each analyzer silo, so the pool's size follows the silos that host it.
/// </summary>
[StatelessWorker]
[RequiredRole(SiloRole.Analyzer)]
public sealed class AnalyzerGrain(ICodeAnalyzer analyzer, ClusterLoadMetrics load) : Grain, IAnalyzerGrain
{
    public async Task<IReadOnlyList<AnalysisReport>> AnalyzeAsync(IReadOnlyList<CandidateCode> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        using var backlog = load.TrackAnalysis(candidates.Count);
        return await Task.WhenAll(candidates.Select(c => analyzer.AnalyzeAsync(c.Code, CancellationToken.None)));
    }
}
