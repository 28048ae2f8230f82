namespace SecureGen.Onnx;

/// <summary>A model input or output: name, element type and shape (-1 marks a dynamic axis).</summary>
public sealed record TensorInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
