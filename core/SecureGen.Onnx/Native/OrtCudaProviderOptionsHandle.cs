namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtCUDAProviderOptionsV2; released with OrtApi::ReleaseCUDAProviderOptions.</summary>
internal sealed class OrtCudaProviderOptionsHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseCudaProviderOptions(handle);
        return true;
    }
}
