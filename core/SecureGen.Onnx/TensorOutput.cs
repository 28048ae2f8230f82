namespace SecureGen.Onnx;

/// <summary>A float output tensor copied out of ONNX Runtime's memory, in row-major order.</summary>
public sealed record TensorOutput(string Name, IReadOnlyList<long> Shape, float[] Data)
{
    /// <summary>The element at [row, column] of a rank-2 output.</summary>
    public float At(int row, int column) => Data[(row * (int)Shape[1]) + column];
}
