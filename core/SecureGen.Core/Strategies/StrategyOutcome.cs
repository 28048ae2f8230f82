using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>What a strategy returns: the chosen candidate, every candidate it saw, and why.</summary>
public sealed record StrategyOutcome(EvaluatedCandidate Chosen, IReadOnlyList<EvaluatedCandidate> All, string Reason);
