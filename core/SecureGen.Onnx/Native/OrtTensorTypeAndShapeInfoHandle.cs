namespace SecureGen.Onnx.Native;

/// <summary>Owns an OrtTensorTypeAndShapeInfo; released with OrtApi::ReleaseTensorTypeAndShapeInfo.</summary>
internal sealed class OrtTensorTypeAndShapeInfoHandle(OrtApi api, nint native) : OrtHandle(api, native)
{
    protected override bool ReleaseHandle()
    {
        Api.ReleaseTensorTypeAndShapeInfo(handle);
        return true;
    }
}
