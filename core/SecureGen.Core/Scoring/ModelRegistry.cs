using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace SecureGen.Core.Scoring;

/// <summary>
/// Holds the model version a silo scores with. Unless a version is pinned, it looks at the models folder's
/// 'current' pointer at most every <see cref="ScorerOptions.PointerCheckInterval"/> and switches when the
/// pointer names another version, without a restart; <see cref="SwitchTo"/> does the same on request.
/// A version that fails to load is logged and the previous one kept; with no usable version at all every
/// lease says why (the scorer then fails closed).
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    private readonly ScorerOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OnnxSessionFactory _sessions;
    private readonly Lock _gate = new();
    private LoadedModel? _current;
    private string? _unavailable;
    private string? _pinned;
    private DateTimeOffset _nextCheck = DateTimeOffset.MinValue;
    private string? _lastFailedVersion;

    public ModelRegistry(ScorerOptions options, TimeProvider clock, ILogger<ModelRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
        _logger = logger;
        _sessions = new OnnxSessionFactory(options, logger);
        _pinned = options.ModelVersion;
    }

    /// <summary>Why a CUDA request runs on CPU (logged once when it fell back); null when it did not fall back or CPU was asked for.</summary>
    public string? CudaUnavailableReason
    {
        get
        {
            lock (_gate)
            {
                return _sessions.CudaUnavailableReason;
            }
        }
    }

    /// <summary>The version in use, or null when none could be loaded.</summary>
    public string? CurrentVersion
    {
        get
        {
            lock (_gate)
            {
                return _current?.Model.Version;
            }
        }
    }

    /// <summary>The model for one batch. Dispose the lease when the batch is done.</summary>
    public ModelLease Acquire()
    {
        lock (_gate)
        {
            if (_clock.GetUtcNow() >= _nextCheck)
            {
                _nextCheck = _clock.GetUtcNow() + _options.PointerCheckInterval;
                Refresh();
            }

            if (_current is null)
            {
                return new ModelLease(null, _unavailable ?? "no model loaded");
            }

            _current.AddReference();
            return new ModelLease(_current, null);
        }
    }

    /// <summary>Pins <paramref name="version"/> and loads it now; on failure keeps the current model and throws.</summary>
    public void SwitchTo(string version)
    {
        ModelPointer.ValidateVersionName(version);
        lock (_gate)
        {
            var error = TryLoad(version);
            if (error is not null)
            {
                throw new InvalidOperationException($"cannot switch to model {version}: {error}");
            }

            _pinned = version;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Release();
            _current = null;
        }
    }

    private void Refresh()
    {
        var modelsDirectory = _options.ModelsDirectory ?? ScorerPaths.FindModelsDirectory();
        if (modelsDirectory is null || !Directory.Exists(modelsDirectory))
        {
            SetUnavailable($"no models folder (configured: '{_options.ModelsDirectory ?? "none"}'; none with a '{ModelPointer.FileName}' file found above {AppContext.BaseDirectory})");
            return;
        }

        var wanted = _pinned ?? ModelPointer.Read(modelsDirectory);
        if (wanted is null)
        {
            SetUnavailable($"no model version pinned and no '{ModelPointer.FileName}' pointer in '{modelsDirectory}'");
            return;
        }

        if (_current?.Model.Version == wanted || (_current is not null && _lastFailedVersion == wanted))
        {
            return;
        }

        var error = TryLoad(wanted);
        if (error is not null)
        {
            _lastFailedVersion = wanted;
            if (_current is null)
            {
                SetUnavailable(error);
            }
            else
            {
                ScorerLog.SwitchFailed(_logger, wanted, _current.Model.Version, error);
            }
        }
    }

    /// <summary>Loads a version and makes it current; returns why not, or null on success. Caller holds the gate.</summary>
    private string? TryLoad(string version)
    {
        var modelsDirectory = _options.ModelsDirectory ?? ScorerPaths.FindModelsDirectory();
        if (modelsDirectory is null)
        {
            return "no models folder";
        }

        VulnerabilityModel model;
        try
        {
            model = VulnerabilityModel.Load(Path.Combine(modelsDirectory, version), _sessions);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OnnxRuntimeException or UnauthorizedAccessException)
        {
            return e.Message;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            // An app built without an ONNX Runtime native package (Microsoft.ML.OnnxRuntime or .Gpu.Linux).
            return $"ONNX Runtime's native library cannot be loaded: {e.InnerException?.Message ?? e.Message}";
        }

        if (model.Version != version)
        {
            model.Dispose();
            return $"folder '{version}' holds a model whose manifest says version '{model.Version}'";
        }

        var previous = _current;
        _current = new LoadedModel(model);
        _unavailable = null;
        _lastFailedVersion = null;
        if (previous is null)
        {
            ScorerLog.ModelLoaded(_logger, model.Version, model.Directory, model.ExecutionProvider);
        }
        else
        {
            ScorerLog.Switched(_logger, previous.Model.Version, model.Version);
            previous.Release();
        }

        return null;
    }

    private void SetUnavailable(string reason)
    {
        if (_current is null && reason != _unavailable)
        {
            ScorerLog.Unavailable(_logger, reason);
        }

        if (_current is null)
        {
            _unavailable = reason;
        }
    }
}
