namespace SecureGen.Simulator;

/// <summary>Everything the simulator's endpoints share.</summary>
internal sealed class SimulatorState
{
    public SimulatorState(SimulatorOptions options, CompletionBook book, TimeProvider clock)
    {
        var random = new SimulatorRandom(options.Seed);
        Options = options;
        Clock = clock;
        RateLimiter = new RequestRateLimiter(options, clock);
        Faults = new FaultInjector(options, random);
        Latency = new LatencyModel(options, random);
        Engine = new SimulatorEngine(book, options, Faults);
    }

    public SimulatorOptions Options { get; }

    /// <summary>Cancelled when the server stops, so hanging and slow requests end at once instead of delaying shutdown.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    public TimeProvider Clock { get; }

    public SimulatorStatistics Statistics { get; } = new();

    public RequestRateLimiter RateLimiter { get; }

    public FaultInjector Faults { get; }

    public LatencyModel Latency { get; }

    public SimulatorEngine Engine { get; }
}
