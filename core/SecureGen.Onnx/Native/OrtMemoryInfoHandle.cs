namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtMemoryInfo; released with OrtApi::ReleaseMemoryInfo.</summary>
internal sealed class OrtMemoryInfoHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseMemoryInfo(handle);
        return true;
    }
}
