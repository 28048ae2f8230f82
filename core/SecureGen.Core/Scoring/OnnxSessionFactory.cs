using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace SecureGen.Core.Scoring;

/// <summary>
/// Opens ONNX Runtime sessions on the configured execution provider. A CUDA request (<c>cuda</c> or <c>auto</c>) that
/// cannot load falls back to CPU and logs one warning naming ORT's reason and the providers of the loaded build; the
/// reason is kept, so later sessions of the same factory (other model versions) go straight to CPU without a second
/// warning. Appending CUDA throws <see cref="EntryPointNotFoundException"/> with the CPU package and
/// <see cref="OnnxRuntimeException"/> with the GPU package where CUDA 13 or cuDNN 9 is missing; creating the session
/// throws <see cref="OnnxRuntimeException"/> where there is no usable device.
/// </summary>
public sealed class OnnxSessionFactory
{
    public const string CpuProvider = "CPUExecutionProvider";
    public const string CudaProvider = "CUDAExecutionProvider";

    private readonly ScorerOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    public OnnxSessionFactory(ScorerOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
    }

    /// <summary>Execution providers compiled into the loaded ONNX Runtime build (it lists CUDA in a GPU build with no GPU too).</summary>
    public static IReadOnlyList<string> AvailableProviders => OnnxEnvironment.Instance.GetAvailableProviders();

    /// <summary>Why CUDA could not be used, once a CUDA request has fallen back; null otherwise.</summary>
    public string? CudaUnavailableReason { get; private set; }

    /// <summary>Opens <paramref name="modelPath"/>; returns the session and the provider it runs on.</summary>
    /// <exception cref="FileNotFoundException">No model file at the path.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the model (its own message).</exception>
    public (InferenceSession Session, string Provider) Open(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        var full = Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"ONNX model not found at '{full}'", full);
        }

        lock (_gate)
        {
            if (_options.Provider != ScorerProvider.Cpu && CudaUnavailableReason is null)
            {
                string reason;
                var mark = OnnxEnvironment.Mark;
                try
                {
                    return (Create(full, cuda: true), CudaProvider);
                }
                catch (EntryPointNotFoundException e)
                {
                    reason = $"this ONNX Runtime build has no CUDA provider (the CPU package; build with -p:SecureGenGpu=true): {e.Message}";
                }
                catch (OnnxRuntimeException e)
                {
                    reason = e.Message;
                }

                if (OnnxEnvironment.ErrorsSince(mark) is { Count: > 0 } logged)
                {
                    reason += $"; ONNX Runtime logged: {string.Join(" | ", logged)}";
                }

                // Only CUDA's fault if the same model opens on CPU; otherwise the model is broken and CPU's error says so.
                var session = Create(full, cuda: false);
                CudaUnavailableReason = reason;
                ScorerLog.CudaFallback(_logger, _options.Provider.ToString().ToLowerInvariant(), _options.CudaDeviceId, reason, string.Join(", ", AvailableProviders));
                return (session, CpuProvider);
            }

            return (Create(full, cuda: false), CpuProvider);
        }
    }

    private InferenceSession Create(string modelPath, bool cuda)
    {
        _ = OnnxEnvironment.Instance;
        using var settings = new SessionOptions { InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        if (_options.IntraOpThreads > 0)
        {
            settings.IntraOpNumThreads = _options.IntraOpThreads;
        }

        if (cuda)
        {
            settings.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
        }

        return new InferenceSession(modelPath, settings);
    }
}
