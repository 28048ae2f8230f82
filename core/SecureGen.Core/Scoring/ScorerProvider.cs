namespace SecureGen.Core.Scoring;

/// <summary>
/// Where the scorer asks ONNX Runtime to run. <see cref="Cuda"/> and <see cref="Auto"/> both try CUDA and, where it
/// cannot load (no GPU build of ONNX Runtime, no CUDA/cuDNN libraries, no device), fall back to CPU with one logged
/// warning naming the reason: scoring stays correct on CPU, only slower. The provider a model actually runs on is
/// <see cref="VulnerabilityModel.ExecutionProvider"/>.
/// </summary>
public enum ScorerProvider
{
    /// <summary>CPU only: never touches CUDA.</summary>
    Cpu,

    /// <summary>CUDA on <see cref="ScorerOptions.CudaDeviceId"/>; falls back to CPU with a warning.</summary>
    Cuda,

    /// <summary>CUDA (device 0 unless set) when it loads, else CPU with a warning.</summary>
    Auto,
}
