namespace SecureGen.Core.Scoring.Training;

/// <summary>What one training source yielded, and how many of its records it had to leave out (and why).</summary>
public sealed record SourceBatch(string Source, IReadOnlyList<LabeledCode> Items, int Skipped, string? SkipReason = null);
