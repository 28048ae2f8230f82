namespace SecureGen.Simulator;

/// <summary>One simulated completion and its label (null when no known task matched).</summary>
internal sealed record SimulatedChoice(string Content, string? TaskId, string? Label);
