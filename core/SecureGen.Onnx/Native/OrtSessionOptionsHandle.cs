namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtSessionOptions; released with OrtApi::ReleaseSessionOptions.</summary>
internal sealed class OrtSessionOptionsHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseSessionOptions(handle);
        return true;
    }
}
