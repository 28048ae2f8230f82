namespace SecureGen.Simulator;

/// <summary>Draws the configured faults. The first fail_first_requests chat requests fail for sure; the rest by the configured rates.</summary>
internal sealed class FaultInjector(SimulatorOptions options, SimulatorRandom random)
{
    private static readonly int[] ServerErrors = [500, 502, 503, 504];
    private int _requests;

    public RequestFault NextRequest()
    {
        var number = Interlocked.Increment(ref _requests);
        if (number <= options.FailFirstRequests || (options.ServerErrorRate > 0 && random.NextDouble() < options.ServerErrorRate))
        {
            return new RequestFault(options.ServerErrorStatus != 0 ? options.ServerErrorStatus : ServerErrors[random.Next(ServerErrors.Length)], false);
        }

        return options.TimeoutRate > 0 && random.NextDouble() < options.TimeoutRate ? new RequestFault(null, true) : RequestFault.None;
    }

    public ChoiceFault NextChoice()
    {
        if (options.GarbageRate > 0 && random.NextDouble() < options.GarbageRate)
        {
            return ChoiceFault.Garbage;
        }

        return options.TruncateRate > 0 && random.NextDouble() < options.TruncateRate ? ChoiceFault.Truncated : ChoiceFault.None;
    }
}
