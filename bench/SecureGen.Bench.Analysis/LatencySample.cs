namespace SecureGen.Bench.Analysis;

/// <summary>Per-file times of one way of analysing, in milliseconds.</summary>
internal sealed class LatencySample(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Median => Percentile(0.5);

    public double P90 => Percentile(0.9);

    public double Mean => _milliseconds.Average();

    private double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
