using SecureGen.Simulator;

namespace SecureGen.Cli.Eval;

/// <summary>The endpoint a run talks to: the user's (checked to answer), or the simulator started in-process. Dispose stops the simulator.</summary>
internal sealed class EndpointChoice : IAsyncDisposable
{
    private readonly SimulatorServer? _simulator;

    private EndpointChoice(Uri endpoint, SimulatorServer? simulator)
    {
        Endpoint = endpoint;
        _simulator = simulator;
    }

    public Uri Endpoint { get; }

    public bool IsSimulator => _simulator is not null;

    /// <summary>The choice, or a one-line problem when the user's endpoint does not answer.</summary>
    /// <param name="simulatorLatency">Added to every simulated completion (tests that stop a run midway).</param>
    public static async Task<(EndpointChoice? Choice, string? Problem)> OpenAsync(Uri? endpoint, TimeSpan simulatorLatency, CancellationToken cancellationToken)
    {
        if (endpoint is null)
        {
            var simulator = await SimulatorServer.StartAsync(new SimulatorOptions { Latency = simulatorLatency }, cancellationToken);
            return (new EndpointChoice(simulator.BaseUrl, simulator), null);
        }

        var problem = await EndpointProbe.FindProblemAsync(endpoint, cancellationToken);
        return problem is null ? (new EndpointChoice(endpoint, null), null) : (null, problem);
    }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
