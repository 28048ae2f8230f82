namespace SecureGen.Core.Metrics;

/// <summary>
/// Percentile bootstrap over tasks: tasks are the unit that varies between benchmarks, samples of
/// one task are not independent of each other. Seeded, so a report is reproducible.
/// </summary>
public static class Bootstrap
{
    /// <summary>Null when there are no items or the statistic is undefined on every resample.</summary>
    public static ConfidenceInterval? Interval<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, double?> statistic, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(options);
        if (items.Count == 0)
        {
            return null;
        }

#pragma warning disable CA5394 // Resampling for a confidence interval, not security: a seeded, reproducible generator is the point.
        var random = new Random(options.BootstrapSeed);
        var estimates = new List<double>(options.BootstrapResamples);
        var sample = new T[items.Count];
        for (var b = 0; b < options.BootstrapResamples; b++)
        {
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = items[random.Next(items.Count)];
            }

            if (statistic(sample) is { } value)
            {
                estimates.Add(value);
            }
        }
#pragma warning restore CA5394

        if (estimates.Count == 0)
        {
            return null;
        }

        estimates.Sort();
        var tail = (1 - options.ConfidenceLevel) / 2;
        return new ConfidenceInterval(Round(Quantile(estimates, tail)), Round(Quantile(estimates, 1 - tail)), options.ConfidenceLevel);
    }

    /// <summary>Linear interpolation between closest ranks (type 7, as R and NumPy default).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    private static double Round(double value) => Math.Round(value, 6);
}
