namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtValue; released with OrtApi::ReleaseValue.</summary>
internal sealed class OrtValueHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseValue(handle);
        return true;
    }
}
