namespace SecureGen.Simulator;

/// <summary>How long a simulated request takes: fixed part + seeded jitter + generation time at the configured tokens per second.</summary>
internal sealed class LatencyModel(SimulatorOptions options, SimulatorRandom random)
{
    /// <param name="completionTokens">Tokens of the longest completion (n completions are generated side by side).</param>
    public TimeSpan For(int completionTokens)
    {
        var ms = options.LatencyMs + Jitter();
        if (options.TokensPerSecond > 0)
        {
            ms += completionTokens * 1000.0 / options.TokensPerSecond;
        }

        return TimeSpan.FromMilliseconds(Math.Max(0, ms));
    }

    private double Jitter() => options.Jitter switch
    {
        "normal" => options.JitterMs * random.NextGaussian(),
        "lognormal" => options.JitterMs * Math.Exp(options.JitterSigma * random.NextGaussian()),
        _ => 0,
    };
}
