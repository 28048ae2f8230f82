namespace SecureGen.Core.Reporting;

/// <summary>One figure of one strategy in two runs; null where a run lacks the strategy or the figure is undefined.</summary>
public sealed record StrategyDelta(string Strategy, string Metric, double? Before, double? After)
{
    public double? Change => Before is { } b && After is { } a ? Math.Round(a - b, 6) : null;
}
