namespace SecureGen.Simulator;

/// <summary>The simulator's own seeded randomness (latency, faults), shared by concurrent requests: draws follow arrival order.</summary>
internal sealed class SimulatorRandom(int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }

    public int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public double NextGaussian()
    {
        lock (_gate)
        {
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
