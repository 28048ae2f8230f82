namespace SecureGen.Bench.Llm;

/// <summary>One closed-loop throughput run: workers each issue calls back to back.</summary>
internal sealed record ThroughputResult(string Name, int Workers, int Limit, int Calls, double Seconds, double CallsPerSecond, double IdealPerSecond, LatencySummary Latency, int ServerMaxInFlight, long Completions)
{
    public double Ratio => CallsPerSecond / IdealPerSecond;
}
