namespace SecureGen.Bench.Scorer;

/// <summary>One bench mode's best-of-N timing over the whole workload.</summary>
internal sealed record Measurement(int Threads, string Mode, int BatchSize, long Tokens, long PaddedTokens, double Seconds)
{
    public double TokensPerSecond => Tokens / Seconds;
}
