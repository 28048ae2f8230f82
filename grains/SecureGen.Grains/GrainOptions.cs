namespace SecureGen.Grains;

/// <summary>Per-grain concurrency and timing. Lives in consumer definitions, not in consumers.</summary>
public sealed class GrainOptions
{
    public int SessionConcurrency { get; set; } = 32;

    public int CandidateConcurrency { get; set; } = 64;

    public int AnalyzerConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    public int ScorerBatchSize { get; set; } = 64;

    public TimeSpan ScorerBatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a session waits for a grain to answer; LLM sampling is the slow part.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
