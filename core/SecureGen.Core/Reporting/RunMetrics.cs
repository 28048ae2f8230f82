using System.Text.Json.Serialization;
using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>The content of metrics.json.</summary>
/// <param name="Simulated">True when any session talked to the simulator: these figures are not a model's.</param>
/// <param name="Classification">Scores of the classify task, when it ran.</param>
/// <param name="Llm">All LLM calls of the run summed: tokens, dollars, retries, cache hits and misses.</param>
public sealed record RunMetrics(
    string RunId,
    int Sessions,
    bool Simulated,
    IReadOnlyList<StrategyMetrics> Strategies,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ClassificationMetrics>? Classification = null,
    LlmUsage? Llm = null)
{
    public IReadOnlyList<CweMetrics> PerCwe { get; init; } = [];

    /// <summary>How the intervals were drawn: resamples over tasks, seed, level.</summary>
    public BootstrapSettings? Bootstrap { get; init; }

    /// <summary>Where tests judged sessions: how the static verdict agrees with theirs; absent when no test judged.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StaticTestAgreement? StaticVsTests { get; init; }

    public static RunMetrics From(string runId, IReadOnlyList<Sessions.SessionResult> results, MetricsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= MetricsOptions.Default;
        var classification = MetricsCalculator.Classification(results);
        return new RunMetrics(runId, results.Count, results.Any(r => r.Simulated), MetricsCalculator.PerStrategy(results, options), classification.Count == 0 ? null : classification, LlmUsage.Of(results))
        {
            PerCwe = MetricsCalculator.PerCwe(results),
            StaticVsTests = StaticAgreementCalculator.From(results),
            Bootstrap = new BootstrapSettings(options.BootstrapResamples, options.BootstrapSeed, options.ConfidenceLevel, "tasks"),
        };
    }
}
