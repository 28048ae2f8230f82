using Microsoft.ML.OnnxRuntime;

namespace SecureGen.Core.Scoring;

/// <summary>
/// The process's ONNX Runtime environment, created with our own log sink instead of ORT's coloured stderr lines. ORT
/// names the real cause of a failed CUDA load only in its log (e.g. "libcublasLt.so.13: cannot open shared object
/// file"), while the exception says "Failed to load shared library"; keeping its recent errors lets the fallback
/// warning name that cause.
/// </summary>
internal static class OnnxEnvironment
{
    private const int Kept = 16;
    private static readonly DOrtLoggingFunction Sink = Record; // referenced for the life of the process: ORT calls it
    private static readonly Lock Gate = new();
    private static readonly Queue<(long Sequence, string Message)> Errors = new();
    private static long _logged;
    private static OrtEnv? _env;

    public static OrtEnv Instance
    {
        get
        {
            lock (Gate)
            {
                return _env ??= Create();
            }
        }
    }

    /// <summary>A mark to pass to <see cref="ErrorsSince"/>.</summary>
    public static long Mark
    {
        get
        {
            lock (Gate)
            {
                return _logged;
            }
        }
    }

    /// <summary>The errors ORT logged after <paramref name="mark"/> (the most recent few).</summary>
    public static IReadOnlyList<string> ErrorsSince(long mark)
    {
        lock (Gate)
        {
            return Errors.Where(e => e.Sequence > mark).Select(e => e.Message).ToList();
        }
    }

    private static OrtEnv Create()
    {
        if (OrtEnv.IsCreated)
        {
            return OrtEnv.Instance(); // created elsewhere in the process first: its logging stays as it is
        }

        var options = new EnvironmentCreationOptions { logId = "securegen", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, loggingFunction = Sink };
        return OrtEnv.CreateInstanceWithOptions(ref options);
    }

    private static void Record(IntPtr param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        if (severity < OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR)
        {
            return;
        }

        lock (Gate)
        {
            Errors.Enqueue((++_logged, message.Trim()));
            while (Errors.Count > Kept)
            {
                Errors.Dequeue();
            }
        }
    }
}
