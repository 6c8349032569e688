using System.Runtime.InteropServices;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>A sphinxbase <c>cmd_ln_t</c> (reference counted by the library).</summary>
internal sealed class SafeConfigHandle : SafeHandle
{
    public SafeConfigHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        InteropSphinxBase.cmd_ln_free_r(handle);
        return true;
    }
}
