using SecureGen.Core.Metrics;
using SecureGen.Core.Sessions;

namespace SecureGen.Core.Reporting;

/// <summary>The content of metrics.json.</summary>
/// <param name="Simulated">True when any session talked to the simulator: these figures are not a model's.</param>
/// <param name="Llm">All LLM calls of the run summed: tokens, dollars, retries, cache hits and misses.</param>
public sealed record RunMetrics(string RunId, int Sessions, bool Simulated, IReadOnlyList<StrategyMetrics> Strategies, LlmUsage? Llm = null);
