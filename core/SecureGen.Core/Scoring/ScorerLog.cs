using Microsoft.Extensions.Logging;

namespace SecureGen.Core.Scoring;

internal static partial class ScorerLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "neural scorer: model {Version} loaded from {Directory} on {Provider}")]
    public static partial void ModelLoaded(ILogger logger, string version, string directory, string provider);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "neural scorer unavailable, candidates stay unscored: {Reason}")]
    public static partial void Unavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "neural scorer: cannot switch to model {Version}, keeping {Current}: {Reason}")]
    public static partial void SwitchFailed(ILogger logger, string version, string current, string reason);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "neural scorer: switched from model {Previous} to {Version}")]
    public static partial void Switched(ILogger logger, string previous, string version);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "neural scorer: a batch failed, its candidates stay unscored: {Reason}")]
    public static partial void BatchFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning,
        Message = "neural scorer: provider {Requested} asked for CUDA device {Device}, which cannot be used ({Reason}); running on CPU. Providers in this ONNX Runtime build: {Providers}")]
    public static partial void CudaFallback(ILogger logger, string requested, int device, string reason, string providers);
}
