namespace SecureGen.Onnx;

/// <summary>A named input tensor over a managed buffer (int64 or float), in row-major order.</summary>
public sealed class TensorInput
{
    private TensorInput(string name, Array data, TensorElementType elementType, long[] shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (shape.Any(d => d < 0))
        {
            throw new ArgumentException($"input '{name}': shape [{string.Join(", ", shape)}] has a negative dimension", nameof(shape));
        }

        var expected = shape.Aggregate(1L, (a, d) => a * d);
        if (expected != data.LongLength)
        {
            throw new ArgumentException($"input '{name}': shape [{string.Join(", ", shape)}] needs {expected} elements but the buffer has {data.LongLength}", nameof(data));
        }

        Name = name;
        Data = data;
        ElementType = elementType;
        Shape = shape;
    }

    public string Name { get; }

    public TensorElementType ElementType { get; }

    public IReadOnlyList<long> Shape { get; }

    internal Array Data { get; }

    internal int ElementSize => ElementType == TensorElementType.Int64 ? sizeof(long) : sizeof(float);

    public static TensorInput FromInt64Buffer(string name, long[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        return new TensorInput(name, data, TensorElementType.Int64, shape);
    }

    public static TensorInput FromFloatBuffer(string name, float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        return new TensorInput(name, data, TensorElementType.Float, shape);
    }
}
