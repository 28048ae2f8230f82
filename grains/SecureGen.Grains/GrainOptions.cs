namespace SecureGen.Grains;

/// <summary>Per-grain concurrency and timing. Lives in consumer definitions, not in consumers.</summary>
public sealed class GrainOptions
{
    public int SessionConcurrency { get; set; } = 32;

    public int CandidateConcurrency { get; set; } = 64;

    public int AnalyzerConcurrency { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    public int ScorerBatchSize { get; set; } = 64;

    public TimeSpan ScorerBatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Messages each RabbitMQ endpoint holds unacknowledged; in-memory ignores it.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>How long a stopping node waits for in-flight messages before it lets go of them.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a session waits for a grain to answer; LLM sampling is the slow part.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
