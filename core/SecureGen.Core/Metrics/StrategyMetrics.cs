using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>
/// Per-strategy outcome shares. Rates are over model-judged sessions: infrastructure failures are
/// counted apart and left out. Unknown (and unparsable) sessions stay in the denominator and are never secure.
/// </summary>
/// <param name="Llm">The strategy's LLM calls summed: tokens, dollars, retries, cache hits and misses.</param>
public sealed record StrategyMetrics(
    string Strategy,
    int Sessions,
    int Judged,
    int Secure,
    int Vulnerable,
    int Unknown,
    int Unparsable,
    int InfrastructureFailures,
    double SecureRate,
    double VulnerableRate,
    double UnknownRate,
    long PromptTokens,
    long CompletionTokens,
    bool Simulated,
    LlmUsage? Llm = null)
{
    public int Tasks { get; init; }

    /// <summary>Sessions whose normalised final code repeats an earlier sample of the same task.</summary>
    public int Duplicates { get; init; }

    /// <summary>Sessions whose final code went through the task's functional tests.</summary>
    public int FunctionallyTested { get; init; }

    public ConfidenceInterval? SecureRateInterval { get; init; }

    public ConfidenceInterval? VulnerableRateInterval { get; init; }

    public IReadOnlyList<AtKMetric> AtK { get; init; } = [];

    /// <summary>Which judge produced the verdicts, with session counts ("static", "tests", "none").</summary>
    public IReadOnlyDictionary<string, int> Judges { get; init; } = new Dictionary<string, int>();

    /// <summary>Summed LLM cost; null while the LLM calls carry no cost.</summary>
    public double? CostUsd { get; init; }

    public int LlmCalls { get; init; }

    public double MeanSessionMs { get; init; }

    public double P95SessionMs { get; init; }

    public double MeanLlmLatencyMs { get; init; }
}
