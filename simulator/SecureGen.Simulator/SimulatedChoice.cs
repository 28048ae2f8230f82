namespace SecureGen.Simulator;

/// <summary>One simulated completion and how it was decided (label and task are null when no known task matched).</summary>
/// <param name="InsecureProbability">The insecurity model's probability for this prompt.</param>
/// <param name="Fault">"truncated" or "garbage" when a completion fault was injected.</param>
internal sealed record SimulatedChoice(
    string Content,
    string? TaskId,
    string? Label,
    double? InsecureProbability,
    IReadOnlyList<string> Signals,
    string? Fault,
    string FinishReason = "stop");
