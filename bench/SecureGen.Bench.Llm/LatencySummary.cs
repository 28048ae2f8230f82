namespace SecureGen.Bench.Llm;

/// <summary>Mean and percentiles of a set of per-call times, in milliseconds.</summary>
internal sealed record LatencySummary(int Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms)
{
    public static LatencySummary Of(IReadOnlyCollection<double> millis)
    {
        var sorted = millis.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(q * sorted.Length))];
        return new LatencySummary(sorted.Length, sorted.Average(), At(0.50), At(0.95), At(0.99));
    }
}
