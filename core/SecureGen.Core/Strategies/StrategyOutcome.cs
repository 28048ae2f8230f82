using SecureGen.Core.Sessions;

namespace SecureGen.Core.Strategies;

/// <summary>What a strategy returns: the chosen candidate, every candidate it saw, and why.</summary>
/// <param name="Chosen">Null only for tasks that produce no code (classify).</param>
/// <param name="Classifications">For the classify task: the model's answers on labelled code.</param>
public sealed record StrategyOutcome(
    EvaluatedCandidate? Chosen,
    IReadOnlyList<EvaluatedCandidate> All,
    string Reason,
    IReadOnlyList<ClassificationOutcome>? Classifications = null);
