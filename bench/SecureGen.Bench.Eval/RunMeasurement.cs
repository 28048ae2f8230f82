namespace SecureGen.Bench.Eval;

/// <summary>One measured pipeline run: wall time, CPU seconds by part, and the CPU that counts as the pipeline's.</summary>
internal sealed record RunMeasurement(string Name, int Sessions, TimeSpan Wall, IReadOnlyDictionary<string, double> CpuByPart, double PipelineCpu, string Note)
{
    public double SessionsPerSecond => Sessions / Wall.TotalSeconds;

    public double CpuMsPerSession => Sessions == 0 ? 0 : PipelineCpu * 1000 / Sessions;
}
