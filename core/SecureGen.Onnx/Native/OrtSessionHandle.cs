namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtSession; released with OrtApi::ReleaseSession.</summary>
internal sealed class OrtSessionHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseSession(handle);
        return true;
    }
}
