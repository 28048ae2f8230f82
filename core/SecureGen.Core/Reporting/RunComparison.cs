namespace SecureGen.Core.Reporting;

/// <summary>What differs between run A (before) and run B (after).</summary>
/// <param name="Matched">Sessions present in both runs under the same (task, strategy, sample).</param>
public sealed record RunComparison(
    string RunA,
    string RunB,
    IReadOnlyList<StrategyDelta> Strategies,
    IReadOnlyList<VerdictChange> Changes,
    int Matched,
    int OnlyInA,
    int OnlyInB);
