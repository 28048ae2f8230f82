namespace SecureGen.Core.Metrics;

/// <summary>Per-strategy outcome shares. Rates are over model-judged sessions: infrastructure failures are counted apart and left out.</summary>
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
    bool Simulated);
