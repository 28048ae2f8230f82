using Microsoft.Extensions.Logging;

namespace SecureGen.Onnx;

internal static partial class OnnxLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "CUDA execution provider unavailable ({Reason}); falling back to CPU for {ModelPath}. Providers in this ONNX Runtime build: {Providers}")]
    public static partial void CudaFallback(ILogger logger, string reason, string modelPath, string providers);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "ONNX Runtime {Version} loaded from {LibraryPath} (C API {ApiVersion})")]
    public static partial void RuntimeLoaded(ILogger logger, string version, string libraryPath, uint apiVersion);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "opened {ModelPath} on {Provider}: inputs {Inputs}; outputs {Outputs}")]
    public static partial void SessionOpened(ILogger logger, string modelPath, string provider, string inputs, string outputs);
}
