using System.Runtime.InteropServices;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// A <c>ps_seg_t</c> word iterator. It points into its decoder, so it holds a reference on the
/// decoder's handle until it is exhausted or disposed.
/// </summary>
internal sealed class SafeSegmentIteratorHandle : SafeHandle
{
    private SafeDecoderHandle? _decoder;

    private SafeSegmentIteratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Starts iterating the decoder's current best hypothesis; invalid when it has no words.</summary>
    public static SafeSegmentIteratorHandle Begin(SafeDecoderHandle decoder)
    {
        var iterator = new SafeSegmentIteratorHandle();
        bool added = false;
        decoder.DangerousAddRef(ref added);
        IntPtr first = InteropPocketSphinx.ps_seg_iter(decoder);
        if (first == IntPtr.Zero)
        {
            decoder.DangerousRelease();
            return iterator;
        }
        iterator._decoder = decoder;
        iterator.SetHandle(first);
        return iterator;
    }

    public string Word => Marshal.PtrToStringUTF8(InteropPocketSphinx.ps_seg_word(handle)) ?? string.Empty;

    public (int Start, int End) Frames
    {
        get
        {
            InteropPocketSphinx.ps_seg_frames(handle, out int start, out int end);
            return (start, end);
        }
    }

    public int LogPosterior => InteropPocketSphinx.ps_seg_prob(handle, out _, out _, out _);

    /// <summary>Moves to the next word; false at the end, where the library has already freed the iterator.</summary>
    public bool MoveNext()
    {
        if (IsInvalid) return false;
        IntPtr next = InteropPocketSphinx.ps_seg_next(handle);
        SetHandle(next);
        if (next != IntPtr.Zero) return true;
        ReleaseDecoder();
        return false;
    }

    protected override bool ReleaseHandle()
    {
        InteropPocketSphinx.ps_seg_free(handle);
        ReleaseDecoder();
        return true;
    }

    private void ReleaseDecoder()
    {
        _decoder?.DangerousRelease();
        _decoder = null;
    }
}
