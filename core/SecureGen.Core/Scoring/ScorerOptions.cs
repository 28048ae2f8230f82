using SecureGen.Onnx;

namespace SecureGen.Core.Scoring;

/// <summary>Where the neural scorer finds its model and native library, and how it batches.</summary>
public sealed class ScorerOptions
{
    /// <summary>The folder of model versions (each a subfolder) and the 'current' pointer file; null finds models/ above the app.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>A pinned model version; null follows the 'current' pointer file and switches when it changes.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>Path of libonnxruntime.so.1; null searches (see <see cref="OnnxRuntimeLocator"/>).</summary>
    public string? OnnxRuntimePath { get; set; }

    public ExecutionProvider Provider { get; set; } = ExecutionProvider.Cpu;

    public int CudaDeviceId { get; set; }

    /// <summary>ONNX Runtime threads per operator; 0 lets it choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Most padded tokens (rows x width) in one ONNX Runtime run.</summary>
    public int MaxTokensPerRun { get; set; } = 32_768;

    /// <summary>
    /// Most sequences in one ONNX Runtime run. On CPU the LSTM is fastest per token at 8-32 rows per run and
    /// slows beyond (measured in docs/scorer.md), so a large batch runs as several small runs.
    /// </summary>
    public int MaxSequencesPerRun { get; set; } = 16;

    /// <summary>
    /// How many runs of one batch go to ONNX Runtime at once (a session serves concurrent runs). A single sequence
    /// cannot be split across cores, but the buckets of a batch can: this is how batching uses every core.
    /// </summary>
    public int ConcurrentRuns { get; set; } = Environment.ProcessorCount;

    /// <summary>How often the 'current' pointer file is looked at.</summary>
    public TimeSpan PointerCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Options from the environment: SECUREGEN_MODELS (models folder), SECUREGEN_MODEL_VERSION (pin a version),
    /// SECUREGEN_SCORER_PROVIDER (cpu or cuda), SECUREGEN_ONNXRUNTIME (native library path).
    /// </summary>
    public static ScorerOptions FromEnvironment() => new()
    {
        ModelsDirectory = NullIfEmpty(Environment.GetEnvironmentVariable("SECUREGEN_MODELS")),
        ModelVersion = NullIfEmpty(Environment.GetEnvironmentVariable("SECUREGEN_MODEL_VERSION")),
        OnnxRuntimePath = NullIfEmpty(Environment.GetEnvironmentVariable(OnnxRuntimeLocator.EnvironmentVariable)),
        Provider = string.Equals(Environment.GetEnvironmentVariable("SECUREGEN_SCORER_PROVIDER"), "cuda", StringComparison.OrdinalIgnoreCase)
            ? ExecutionProvider.Cuda
            : ExecutionProvider.Cpu,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
