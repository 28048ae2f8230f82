using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureGen.Onnx.Native;

namespace SecureGen.Onnx;

/// <summary>
/// ONNX Runtime's native library, loaded once per process and path, reached through its C API
/// (OrtGetApiBase, then the OrtApi function table of <see cref="ApiVersion"/>).
/// </summary>
public sealed class OnnxRuntime
{
    /// <summary>The C API version whose OrtApi layout <see cref="OrtApiIndex"/> was counted against (ORT 1.30).</summary>
    public const uint ApiVersion = 30;

    public const string CpuProvider = "CPUExecutionProvider";
    public const string CudaProvider = "CUDAExecutionProvider";

    private const int LogSeverityError = 3;
    private static readonly ConcurrentDictionary<string, OnnxRuntime> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock LoadLock = new();

    private OnnxRuntime(string libraryPath, string version, OrtApi api, IReadOnlyList<string> providers)
    {
        LibraryPath = libraryPath;
        Version = version;
        Api = api;
        AvailableProviders = providers;
        Env = api.CreateEnv(LogSeverityError, "securegen");
        CpuMemory = api.CreateCpuMemoryInfo();
    }

    public string LibraryPath { get; }

    /// <summary>The library's own version string (OrtApiBase::GetVersionString), e.g. "1.30.0".</summary>
    public string Version { get; }

    /// <summary>Execution providers compiled into this build (OrtApi::GetAvailableProviders).</summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    internal OrtApi Api { get; }

    internal OrtEnvHandle Env { get; }

    internal OrtMemoryInfoHandle CpuMemory { get; }

    /// <summary>Loads the library at <paramref name="libraryPath"/> (once per process) and checks the OrtApi layout.</summary>
    /// <exception cref="FileNotFoundException">No file at the path.</exception>
    /// <exception cref="OnnxRuntimeException">The file is not a usable ONNX Runtime of API version 30 or later.</exception>
    public static OnnxRuntime Load(string libraryPath, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(libraryPath);
        var full = Path.GetFullPath(libraryPath);
        if (Loaded.TryGetValue(full, out var existing))
        {
            return existing;
        }

        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"ONNX Runtime library not found at '{full}'", full);
        }

        lock (LoadLock)
        {
            if (!Loaded.TryGetValue(full, out existing))
            {
                existing = Create(full);
                Loaded[full] = existing;
                OnnxLog.RuntimeLoaded(logger ?? NullLogger.Instance, existing.Version, full, ApiVersion);
            }

            return existing;
        }
    }

    /// <summary>Opens an inference session; CUDA, when asked for and unusable, falls back to CPU with a logged warning.</summary>
    /// <exception cref="FileNotFoundException">No model file at the path.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejected the model (message from ORT).</exception>
    public OnnxSession OpenSession(string modelPath, SessionSettings settings, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentNullException.ThrowIfNull(settings);
        logger ??= NullLogger.Instance;
        var full = Path.GetFullPath(modelPath);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"ONNX model not found at '{full}'", full);
        }

        if (settings.Provider == ExecutionProvider.Cuda)
        {
            try
            {
                return OpenSessionOn(full, settings, cuda: true, logger);
            }
            catch (OnnxRuntimeException e)
            {
                // A CPU-only build, or a GPU build whose CUDA/cuDNN libraries are absent, ends up here.
                if (logger.IsEnabled(LogLevel.Warning))
                {
                    OnnxLog.CudaFallback(logger, e.OrtMessage.Length > 0 ? e.OrtMessage : e.Message, full, string.Join(", ", AvailableProviders));
                }
            }
        }

        return OpenSessionOn(full, settings, cuda: false, logger);
    }

    private OnnxSession OpenSessionOn(string modelPath, SessionSettings settings, bool cuda, ILogger logger)
    {
        using var options = Api.CreateSessionOptions();
        if (settings.IntraOpThreads > 0)
        {
            Api.SetIntraOpNumThreads(options, settings.IntraOpThreads);
        }

        Api.SetInterOpNumThreads(options, 1);
        if (cuda)
        {
            Api.AppendCudaProvider(options, settings.CudaDeviceId);
        }

        var handle = Api.CreateSession(Env, modelPath, options);
        var session = new OnnxSession(this, handle, modelPath, cuda ? CudaProvider : CpuProvider);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var inputs = string.Join("; ", session.Inputs);
            var outputs = string.Join("; ", session.Outputs);
            OnnxLog.SessionOpened(logger, modelPath, session.ExecutionProvider, inputs, outputs);
        }

        return session;
    }

    private static unsafe OnnxRuntime Create(string path)
    {
        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new OnnxRuntimeException($"cannot load ONNX Runtime from '{path}': {e.Message}", e);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new OnnxRuntimeException($"'{path}' has no OrtGetApiBase export: not an ONNX Runtime library");
        }

        var apiBase = ((delegate* unmanaged<nint>)getApiBase)();
        var api = OrtApi.FromApiBase(apiBase, ApiVersion, out var version);
        VerifyLayout(api, path);
        var providers = api.GetAvailableProviders();
        if (!providers.Contains(CpuProvider))
        {
            throw new OnnxRuntimeException($"ONNX Runtime at '{path}' lists no {CpuProvider} (got: {string.Join(", ", providers)}): OrtApi layout mismatch?");
        }

        return new OnnxRuntime(path, version, api, providers);
    }

    /// <summary>
    /// A status round trip through CreateStatus, GetErrorCode, GetErrorMessage and ReleaseStatus: if the table
    /// positions were miscounted, the code or message would not come back as sent.
    /// </summary>
    private static void VerifyLayout(OrtApi api, string path)
    {
        const string Probe = "securegen OrtApi layout probe";
        var status = api.CreateStatus(OrtErrorCode.NoModel, Probe);
        if (status == 0)
        {
            throw new OnnxRuntimeException($"ONNX Runtime at '{path}': CreateStatus returned null; OrtApi layout mismatch");
        }

        var code = api.GetErrorCode(status);
        var message = api.GetErrorMessage(status);
        api.ReleaseStatus(status);
        if (code != OrtErrorCode.NoModel || message != Probe)
        {
            throw new OnnxRuntimeException($"ONNX Runtime at '{path}': status round trip gave ({code}, '{message}'); OrtApi layout mismatch");
        }
    }
}
