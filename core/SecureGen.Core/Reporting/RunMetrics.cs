using System.Text.Json.Serialization;
using SecureGen.Core.Metrics;

namespace SecureGen.Core.Reporting;

/// <summary>The content of metrics.json.</summary>
/// <param name="Simulated">True when any session talked to the simulator: these figures are not a model's.</param>
/// <param name="Classification">Scores of the classify task, when it ran.</param>
public sealed record RunMetrics(
    string RunId,
    int Sessions,
    bool Simulated,
    IReadOnlyList<StrategyMetrics> Strategies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClassificationMetrics>? Classification = null);
