using SecureGen.Core.Metrics;

namespace SecureGen.Core.Reporting;

/// <summary>The content of metrics.json.</summary>
/// <param name="Simulated">True when any session talked to the simulator: these figures are not a model's.</param>
public sealed record RunMetrics(string RunId, int Sessions, bool Simulated, IReadOnlyList<StrategyMetrics> Strategies)
{
    public IReadOnlyList<CweMetrics> PerCwe { get; init; } = [];

    /// <summary>How the intervals were drawn: resamples over tasks, seed, level.</summary>
    public BootstrapSettings? Bootstrap { get; init; }

    public static RunMetrics From(string runId, IReadOnlyList<Sessions.SessionResult> results, MetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= MetricsOptions.Default;
        return new RunMetrics(runId, results.Count, results.Any(r => r.Simulated), MetricsCalculator.PerStrategy(results, options))
        {
            PerCwe = MetricsCalculator.PerCwe(results),
            Bootstrap = new BootstrapSettings(options.BootstrapResamples, options.BootstrapSeed, options.ConfidenceLevel, "tasks"),
        };
    }
}
