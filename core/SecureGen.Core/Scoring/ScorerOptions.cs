namespace SecureGen.Core.Scoring;

/// <summary>
/// Where the neural scorer finds its model, where it runs, and how it batches on each execution provider. Plain
/// bindable properties: the composition root binds them (section "SecureGen:Scorer"); nothing here reads the
/// environment.
/// </summary>
public sealed class ScorerOptions
{
    /// <summary>The folder of model versions (each a subfolder) and the 'current' pointer file; null finds models/ above the app.</summary>
    public string? ModelsDirectory { get; set; }

    /// <summary>A pinned model version; null follows the 'current' pointer file and switches when it changes.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>cpu, cuda or auto (see <see cref="ScorerProvider"/>).</summary>
    public ScorerProvider Provider { get; set; } = ScorerProvider.Cpu;

    /// <summary>The GPU for <see cref="ScorerProvider.Cuda"/> and <see cref="ScorerProvider.Auto"/>.</summary>
    public int CudaDeviceId { get; set; }

    /// <summary>ONNX Runtime threads per operator; 0 lets it choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>How often the 'current' pointer file is looked at.</summary>
    public TimeSpan PointerCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Batching when the model runs on CPU.</summary>
    public ScorerBatching CpuBatching { get; set; } = ScorerBatching.ForCpu();

    /// <summary>Batching when the model runs on CUDA.</summary>
    public ScorerBatching CudaBatching { get; set; } = ScorerBatching.ForCuda();

    /// <summary>The batching for a model on <paramref name="executionProvider"/> (as <see cref="VulnerabilityModel.ExecutionProvider"/> names it).</summary>
    public ScorerBatching BatchingFor(string executionProvider) =>
        string.Equals(executionProvider, OnnxSessionFactory.CudaProvider, StringComparison.Ordinal) ? CudaBatching : CpuBatching;
}
