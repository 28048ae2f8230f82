using System.Runtime.InteropServices;

namespace SecureGen.Onnx.Native;

/// <summary>A reference held on a <see cref="SafeHandle"/> during a native call.</summary>
internal readonly struct OrtLease : IDisposable
{
    private readonly SafeHandle _owner;

    public OrtLease(SafeHandle owner)
    {
        ObjectDisposedException.ThrowIf(owner.IsClosed, owner);
        var added = false;
        owner.DangerousAddRef(ref added);
        _owner = owner;
        Pointer = owner.DangerousGetHandle();
    }

    public nint Pointer { get; }

    public void Dispose() => _owner.DangerousRelease();
}
