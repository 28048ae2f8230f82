namespace SecureGen.Core.Metrics;

/// <summary>Which k values to report and how the bootstrap intervals are drawn.</summary>
public sealed record MetricsOptions
{
    public static MetricsOptions Default { get; } = new();

    public IReadOnlyList<int> Ks { get; init; } = [1, 5, 10];

    public int BootstrapResamples { get; init; } = 1000;

    public int BootstrapSeed { get; init; } = 20240611;

    public double ConfidenceLevel { get; init; } = 0.95;
}
