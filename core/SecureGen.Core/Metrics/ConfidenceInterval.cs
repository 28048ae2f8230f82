namespace SecureGen.Core.Metrics;

/// <summary>A two-sided percentile bootstrap interval at <see cref="Level"/> (0.95 by default).</summary>
public sealed record ConfidenceInterval(double Low, double High, double Level);
