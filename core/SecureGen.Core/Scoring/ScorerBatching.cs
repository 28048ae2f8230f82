namespace SecureGen.Core.Scoring;

/// <summary>
/// How the scorer batches on one execution provider: what the scorer grain gathers into one call
/// (<see cref="MaxBatchSize"/> candidates or <see cref="MaxWait"/>, whichever comes first) and how
/// <see cref="NeuralScorer"/> cuts that call into ONNX Runtime runs. Plain settable properties, so a
/// configuration section binds onto the defaults.
/// </summary>
public sealed record ScorerBatching
{
    /// <summary>Most candidates the scorer grain puts into one scorer call.</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>Longest the scorer grain waits for more requests before it scores what it has.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Most sequences (rows) in one ONNX Runtime run. On CPU the LSTM is fastest per token at 8-32 rows per run and
    /// slows beyond (measured in docs/scorer.md), so a large batch runs as several small runs.
    /// </summary>
    public int MaxSequencesPerRun { get; set; } = 16;

    /// <summary>Most padded tokens (rows x width) in one ONNX Runtime run.</summary>
    public int MaxTokensPerRun { get; set; } = 32_768;

    /// <summary>
    /// How many runs of one batch go to ONNX Runtime at once (a session serves concurrent runs). A single sequence
    /// cannot be split across cores, but the buckets of a batch can: this is how batching uses every core.
    /// </summary>
    public int ConcurrentRuns { get; set; } = Environment.ProcessorCount;

    /// <summary>The shortest window, as a share of a bucket's width, that may join that bucket (else it starts a new one).</summary>
    public double BucketMinFill { get; set; } = BatchPlanner.MinFill;

    /// <summary>Today's measured best on CPU (docs/scorer.md): runs of at most 16 rows, one per core at once, tight buckets.</summary>
    public static ScorerBatching ForCpu() => new();

    /// <summary>
    /// Starting points for a GPU, not yet measured (bench/gpu-check.sh measures them): a batch-1 LSTM step there is a
    /// few kernel launches waiting on each other and a wide batch costs about the same, so gather more candidates,
    /// wait a little longer for them, run wide runs with looser buckets (padding is cheap, launches are not), and keep
    /// two runs in flight so one is prepared while the other computes.
    /// </summary>
    public static ScorerBatching ForCuda() => new()
    {
        MaxBatchSize = 512,
        MaxWait = TimeSpan.FromMilliseconds(40),
        MaxSequencesPerRun = 512,
        MaxTokensPerRun = 65_536,
        ConcurrentRuns = 2,
        BucketMinFill = 0.5,
    };
}
