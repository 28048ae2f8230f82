using SecureGen.Core.Sessions;

namespace SecureGen.Core.Metrics;

/// <summary>Per-strategy outcome shares. Rates are over model-judged sessions: infrastructure failures are counted apart and left out.</summary>
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
    LlmUsage? Llm = null);
