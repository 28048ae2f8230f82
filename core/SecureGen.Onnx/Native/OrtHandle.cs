using System.Runtime.InteropServices;

namespace SecureGen.Onnx.Native;

/// <summary>An object owned by ONNX Runtime, released through its OrtApi Release function exactly once.</summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle(OrtApi api, nint native)
        : base(0, ownsHandle: true)
    {
        Api = api;
        SetHandle(native);
    }

    public override bool IsInvalid => handle == 0;

    protected OrtApi Api { get; }

    /// <summary>
    /// Keeps the object alive (and unreleased, even if disposed meanwhile) for the length of a native call;
    /// function-pointer calls get none of the protection P/Invoke gives SafeHandle arguments.
    /// </summary>
    public OrtLease Lease() => new(this);
}
