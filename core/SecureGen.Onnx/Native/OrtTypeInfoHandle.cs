namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtTypeInfo; released with OrtApi::ReleaseTypeInfo.</summary>
internal sealed class OrtTypeInfoHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseTypeInfo(handle);
        return true;
    }
}
