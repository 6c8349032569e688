using System.Runtime.InteropServices;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>A <c>ps_decoder_t</c>.</summary>
internal sealed class SafeDecoderHandle : SafeHandle
{
    public SafeDecoderHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        InteropPocketSphinx.ps_free(handle);
        return true;
    }
}
