using System.Runtime.InteropServices;
using System.Text;

namespace SecureGen.Onnx.Native;

/// <summary>
/// Typed calls into ONNX Runtime's OrtApi table (C ABI, cdecl on Linux). Every function that returns an
/// OrtStatus goes through <see cref="Check"/>, which turns a non-null status into an
/// <see cref="OnnxRuntimeException"/> carrying ORT's own message and releases the status.
/// </summary>
internal sealed unsafe class OrtApi
{
    private readonly nint* _fn;

    private OrtApi(nint* table) => _fn = table;

    /// <summary>Reads OrtApiBase (GetApi, GetVersionString) and asks for the given API version.</summary>
    public static OrtApi FromApiBase(nint apiBase, uint apiVersion, out string runtimeVersion)
    {
        var slots = (nint*)apiBase;
        var getApi = (delegate* unmanaged<uint, nint*>)slots[0];
        var getVersionString = (delegate* unmanaged<byte*>)slots[1];
        runtimeVersion = Marshal.PtrToStringUTF8((nint)getVersionString()) ?? "?";
        var table = getApi(apiVersion);
        if (table is null)
        {
            throw new OnnxRuntimeException(OrtErrorCode.NotImplemented, $"ONNX Runtime {runtimeVersion} does not offer C API version {apiVersion}");
        }

        return new OrtApi(table);
    }

    // ---- OrtStatus ----

    public nint CreateStatus(OrtErrorCode code, string message)
    {
        fixed (byte* text = Utf8(message))
        {
            return ((delegate* unmanaged<int, byte*, nint>)_fn[OrtApiIndex.CreateStatus])((int)code, text);
        }
    }

    public OrtErrorCode GetErrorCode(nint status) => (OrtErrorCode)((delegate* unmanaged<nint, int>)_fn[OrtApiIndex.GetErrorCode])(status);

    public string GetErrorMessage(nint status) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<nint, nint>)_fn[OrtApiIndex.GetErrorMessage])(status)) ?? string.Empty;

    public void ReleaseStatus(nint status) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseStatus])(status);

    public void Check(nint status)
    {
        if (status != 0)
        {
            throw TakeError(status);
        }
    }

    /// <summary>Turns a failed status into an exception and releases the status.</summary>
    public OnnxRuntimeException TakeError(nint status)
    {
        try
        {
            return new OnnxRuntimeException(GetErrorCode(status), GetErrorMessage(status));
        }
        finally
        {
            ReleaseStatus(status);
        }
    }

    // ---- OrtEnv ----

    public OrtEnvHandle CreateEnv(int logSeverity, string logId)
    {
        nint env;
        fixed (byte* id = Utf8(logId))
        {
            Check(((delegate* unmanaged<int, byte*, nint*, nint>)_fn[OrtApiIndex.CreateEnv])(logSeverity, id, &env));
        }

        return new OrtEnvHandle(this, env);
    }

    public void ReleaseEnv(nint env) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseEnv])(env);

    public IReadOnlyList<string> GetAvailableProviders()
    {
        byte** names;
        int count;
        Check(((delegate* unmanaged<byte***, int*, nint>)_fn[OrtApiIndex.GetAvailableProviders])(&names, &count));
        try
        {
            var result = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                result.Add(Marshal.PtrToStringUTF8((nint)names[i]) ?? string.Empty);
            }

            return result;
        }
        finally
        {
            Check(((delegate* unmanaged<byte**, int, nint>)_fn[OrtApiIndex.ReleaseAvailableProviders])(names, count));
        }
    }

    // ---- OrtSessionOptions ----

    public OrtSessionOptionsHandle CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged<nint*, nint>)_fn[OrtApiIndex.CreateSessionOptions])(&options));
        return new OrtSessionOptionsHandle(this, options);
    }

    public void ReleaseSessionOptions(nint options) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseSessionOptions])(options);

    public void SetIntraOpNumThreads(OrtSessionOptionsHandle options, int threads)
    {
        using var o = options.Lease();
        Check(((delegate* unmanaged<nint, int, nint>)_fn[OrtApiIndex.SetIntraOpNumThreads])(o.Pointer, threads));
    }

    public void SetInterOpNumThreads(OrtSessionOptionsHandle options, int threads)
    {
        using var o = options.Lease();
        Check(((delegate* unmanaged<nint, int, nint>)_fn[OrtApiIndex.SetInterOpNumThreads])(o.Pointer, threads));
    }

    public void SetGraphOptimizationLevel(OrtSessionOptionsHandle options, int level)
    {
        using var o = options.Lease();
        Check(((delegate* unmanaged<nint, int, nint>)_fn[OrtApiIndex.SetSessionGraphOptimizationLevel])(o.Pointer, level));
    }

    /// <summary>Appends the CUDA execution provider (OrtCUDAProviderOptionsV2 path); throws with ORT's message when it cannot.</summary>
    public void AppendCudaProvider(OrtSessionOptionsHandle options, int deviceId)
    {
        nint cuda;
        Check(((delegate* unmanaged<nint*, nint>)_fn[OrtApiIndex.CreateCudaProviderOptions])(&cuda));
        using var cudaOptions = new OrtCudaProviderOptionsHandle(this, cuda);
        using var c = cudaOptions.Lease();
        fixed (byte* key = Utf8("device_id"))
        fixed (byte* value = Utf8(deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var keys = stackalloc byte*[1] { key };
            var values = stackalloc byte*[1] { value };
            Check(((delegate* unmanaged<nint, byte**, byte**, nuint, nint>)_fn[OrtApiIndex.UpdateCudaProviderOptions])(c.Pointer, keys, values, 1));
        }

        using var o = options.Lease();
        Check(((delegate* unmanaged<nint, nint, nint>)_fn[OrtApiIndex.SessionOptionsAppendExecutionProviderCudaV2])(o.Pointer, c.Pointer));
    }

    public void ReleaseCudaProviderOptions(nint cuda) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseCudaProviderOptions])(cuda);

    // ---- OrtSession ----

    public OrtSessionHandle CreateSession(OrtEnvHandle env, string modelPath, OrtSessionOptionsHandle options)
    {
        nint session;
        using var e = env.Lease();
        using var o = options.Lease();
        fixed (byte* path = Utf8(modelPath))
        {
            Check(((delegate* unmanaged<nint, byte*, nint, nint*, nint>)_fn[OrtApiIndex.CreateSession])(e.Pointer, path, o.Pointer, &session));
        }

        return new OrtSessionHandle(this, session);
    }

    public void ReleaseSession(nint session) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseSession])(session);

    public int GetInputCount(OrtSessionHandle session) => GetCount(session, OrtApiIndex.SessionGetInputCount);

    public int GetOutputCount(OrtSessionHandle session) => GetCount(session, OrtApiIndex.SessionGetOutputCount);

    private int GetCount(OrtSessionHandle session, int index)
    {
        nuint count;
        using var s = session.Lease();
        Check(((delegate* unmanaged<nint, nuint*, nint>)_fn[index])(s.Pointer, &count));
        return checked((int)count);
    }

    public string GetInputName(OrtSessionHandle session, int index) => GetName(session, index, OrtApiIndex.SessionGetInputName);

    public string GetOutputName(OrtSessionHandle session, int index) => GetName(session, index, OrtApiIndex.SessionGetOutputName);

    private string GetName(OrtSessionHandle session, int index, int function)
    {
        var allocator = GetDefaultAllocator();
        byte* name;
        using var s = session.Lease();
        Check(((delegate* unmanaged<nint, nuint, nint, byte**, nint>)_fn[function])(s.Pointer, (nuint)index, allocator, &name));
        try
        {
            return Marshal.PtrToStringUTF8((nint)name) ?? string.Empty;
        }
        finally
        {
            Check(((delegate* unmanaged<nint, void*, nint>)_fn[OrtApiIndex.AllocatorFree])(allocator, name));
        }
    }

    /// <summary>Element type and shape (-1 for a dynamic axis) of an input or output; null when it is not a tensor.</summary>
    public (TensorElementType Type, long[] Shape)? GetInputOrOutputTensorInfo(OrtSessionHandle session, int index, bool input)
    {
        nint typeInfo;
        using (var s = session.Lease())
        {
            var function = input ? OrtApiIndex.SessionGetInputTypeInfo : OrtApiIndex.SessionGetOutputTypeInfo;
            Check(((delegate* unmanaged<nint, nuint, nint*, nint>)_fn[function])(s.Pointer, (nuint)index, &typeInfo));
        }

        using var owned = new OrtTypeInfoHandle(this, typeInfo);
        using var t = owned.Lease();
        int onnxType;
        Check(((delegate* unmanaged<nint, int*, nint>)_fn[OrtApiIndex.GetOnnxTypeFromTypeInfo])(t.Pointer, &onnxType));
        const int OnnxTypeTensor = 1;
        if (onnxType != OnnxTypeTensor)
        {
            return null;
        }

        nint tensorInfo; // borrowed from the type info: not released separately
        Check(((delegate* unmanaged<nint, nint*, nint>)_fn[OrtApiIndex.CastTypeInfoToTensorInfo])(t.Pointer, &tensorInfo));
        return ReadTensorInfo(tensorInfo);
    }

    public void ReleaseTypeInfo(nint typeInfo) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseTypeInfo])(typeInfo);

    private (TensorElementType Type, long[] Shape) ReadTensorInfo(nint tensorInfo)
    {
        int elementType;
        Check(((delegate* unmanaged<nint, int*, nint>)_fn[OrtApiIndex.GetTensorElementType])(tensorInfo, &elementType));
        nuint rank;
        Check(((delegate* unmanaged<nint, nuint*, nint>)_fn[OrtApiIndex.GetDimensionsCount])(tensorInfo, &rank));
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            Check(((delegate* unmanaged<nint, long*, nuint, nint>)_fn[OrtApiIndex.GetDimensions])(tensorInfo, dims, rank));
        }

        return ((TensorElementType)elementType, shape);
    }

    // ---- OrtMemoryInfo / OrtAllocator ----

    public OrtMemoryInfoHandle CreateCpuMemoryInfo()
    {
        const int ArenaAllocator = 1;
        const int MemTypeDefault = 0;
        nint info;
        Check(((delegate* unmanaged<int, int, nint*, nint>)_fn[OrtApiIndex.CreateCpuMemoryInfo])(ArenaAllocator, MemTypeDefault, &info));
        return new OrtMemoryInfoHandle(this, info);
    }

    public void ReleaseMemoryInfo(nint info) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseMemoryInfo])(info);

    /// <summary>ORT's process-wide default CPU allocator; never freed.</summary>
    private nint GetDefaultAllocator()
    {
        nint allocator;
        Check(((delegate* unmanaged<nint*, nint>)_fn[OrtApiIndex.GetAllocatorWithDefaultOptions])(&allocator));
        return allocator;
    }

    // ---- OrtValue ----

    /// <summary>A tensor over caller-owned memory, which must stay pinned until the value is released.</summary>
    public OrtValueHandle CreateTensorOverBuffer(OrtMemoryInfoHandle memoryInfo, void* data, long byteLength, long[] shape, TensorElementType type)
    {
        nint value;
        using var m = memoryInfo.Lease();
        fixed (long* dims = shape)
        {
            Check(((delegate* unmanaged<nint, void*, nuint, long*, nuint, int, nint*, nint>)_fn[OrtApiIndex.CreateTensorWithDataAsOrtValue])(
                m.Pointer, data, (nuint)byteLength, dims, (nuint)shape.Length, (int)type, &value));
        }

        return new OrtValueHandle(this, value);
    }

    public void ReleaseValue(nint value) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseValue])(value);

    public (TensorElementType Type, long[] Shape) GetTensorTypeAndShape(OrtValueHandle value)
    {
        nint info;
        using (var v = value.Lease())
        {
            Check(((delegate* unmanaged<nint, nint*, nint>)_fn[OrtApiIndex.GetTensorTypeAndShape])(v.Pointer, &info));
        }

        using var owned = new OrtTensorTypeAndShapeInfoHandle(this, info);
        using var i = owned.Lease();
        return ReadTensorInfo(i.Pointer);
    }

    public void ReleaseTensorTypeAndShapeInfo(nint info) => ((delegate* unmanaged<nint, void>)_fn[OrtApiIndex.ReleaseTensorTypeAndShapeInfo])(info);

    public void* GetTensorData(OrtValueHandle value)
    {
        void* data;
        using var v = value.Lease();
        Check(((delegate* unmanaged<nint, void**, nint>)_fn[OrtApiIndex.GetTensorMutableData])(v.Pointer, &data));
        return data;
    }

    // ---- Run ----

    /// <summary>Runs the session; returns one owned OrtValue per requested output, in order.</summary>
    public OrtValueHandle[] Run(OrtSessionHandle session, IReadOnlyList<string> inputNames, IReadOnlyList<OrtValueHandle> inputs, IReadOnlyList<string> outputNames)
    {
        var names = new List<nint>(inputNames.Count + outputNames.Count);
        var leases = new List<OrtLease>(inputs.Count + 1);
        try
        {
            foreach (var name in inputNames.Concat(outputNames))
            {
                names.Add(Marshal.StringToCoTaskMemUTF8(name));
            }

            leases.Add(session.Lease());
            var inputPointers = new nint[inputs.Count];
            for (var i = 0; i < inputs.Count; i++)
            {
                var lease = inputs[i].Lease();
                leases.Add(lease);
                inputPointers[i] = lease.Pointer;
            }

            var nameArray = names.ToArray();
            var outputs = new nint[outputNames.Count];
            fixed (nint* inNames = nameArray)
            fixed (nint* inValues = inputPointers)
            fixed (nint* outValues = outputs)
            {
                Check(((delegate* unmanaged<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)_fn[OrtApiIndex.Run])(
                    leases[0].Pointer, 0, inNames, inValues, (nuint)inputs.Count, inNames + inputNames.Count, (nuint)outputNames.Count, outValues));
            }

            return outputs.Select(o => new OrtValueHandle(this, o)).ToArray();
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }

            foreach (var name in names)
            {
                Marshal.FreeCoTaskMem(name);
            }
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");
}
