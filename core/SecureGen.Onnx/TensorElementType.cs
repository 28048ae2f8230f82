namespace SecureGen.Onnx;

/// <summary>ONNXTensorElementDataType (the values of TensorProto.DataType).</summary>
#pragma warning disable CA1720 // The members mirror ONNX's own element type names on purpose.
public enum TensorElementType
{
    Undefined = 0,
    Float = 1,
    UInt8 = 2,
    Int8 = 3,
    UInt16 = 4,
    Int16 = 5,
    Int32 = 6,
    Int64 = 7,
    String = 8,
    Bool = 9,
    Float16 = 10,
    Double = 11,
    UInt32 = 12,
    UInt64 = 13,
}
#pragma warning restore CA1720
