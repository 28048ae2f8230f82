namespace SecureGen.Onnx;

/// <summary>Where a session runs. CUDA falls back to CPU, with a warning, when it cannot be used.</summary>
public enum ExecutionProvider
{
    Cpu,
    Cuda,
}
