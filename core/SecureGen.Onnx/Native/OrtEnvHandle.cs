namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtEnv; released with OrtApi::ReleaseEnv.</summary>
internal sealed class OrtEnvHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseEnv(handle);
        return true;
    }
}
