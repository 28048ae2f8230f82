namespace SecureGen.Onnx;

/// <summary>How to open an inference session.</summary>
public sealed class SessionSettings
{
    public ExecutionProvider Provider { get; init; } = ExecutionProvider.Cpu;

    public int CudaDeviceId { get; init; }

    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    public int IntraOpThreads { get; init; }
}
