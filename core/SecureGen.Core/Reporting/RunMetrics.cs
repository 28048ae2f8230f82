using SecureGen.Core.Metrics;

namespace SecureGen.Core.Reporting;

/// <summary>The content of metrics.json.</summary>
/// <param name="Simulated">True when any session talked to the simulator: these figures are not a model's.</param>
public sealed record RunMetrics(string RunId, int Sessions, bool Simulated, IReadOnlyList<StrategyMetrics> Strategies);
