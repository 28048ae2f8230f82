namespace SecureGen.Onnx;

/// <summary>A failed ONNX Runtime call, with ORT's own error code and message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException()
    {
    }

    public OnnxRuntimeException(string message)
        : base(message)
    {
    }

    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OnnxRuntimeException(OrtErrorCode code, string message)
        : base($"ONNX Runtime error {code}: {message}")
    {
        Code = code;
        OrtMessage = message;
    }

    public OrtErrorCode Code { get; } = OrtErrorCode.Fail;

    /// <summary>The message exactly as ONNX Runtime gave it.</summary>
    public string OrtMessage { get; } = string.Empty;
}
