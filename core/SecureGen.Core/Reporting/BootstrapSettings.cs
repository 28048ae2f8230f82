namespace SecureGen.Core.Reporting;

/// <summary>Recorded beside the figures so that an interval can be reproduced.</summary>
public sealed record BootstrapSettings(int Resamples, int Seed, double Level, string Unit);
