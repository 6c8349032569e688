using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// AMR-WB files for the tests, made with VisualOn's encoder from Debian's libvo-amrwbenc0: neither ffmpeg nor
/// sox as Debian builds them can write AMR-WB, and phones record it ("HD voice" calls, voice notes).
/// </summary>
public static partial class AmrWbEncoder
{
    private const string Library = "libvo-amrwbenc.so.0";

    /// <summary>16 kHz mono samples per frame (20 ms).</summary>
    private const int FrameSamples = 320;

    public static bool Available { get; } = NativeLibrary.TryLoad(Library, out _);

    /// <summary>
    /// An AMR-WB file ("#!AMR-WB\n", then one frame per 20 ms) of 16 kHz mono <paramref name="samples"/>.
    /// <paramref name="mode"/> 2 is 12.65 kbit/s, what phone networks use for wideband calls; 8 is 23.85 kbit/s.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<short> samples, int mode = 2)
    {
        using var encoder = Init();
        if (encoder.IsInvalid) throw new InvalidOperationException("E_IF_init failed");
        var file = new List<byte>("#!AMR-WB\n"u8.ToArray());
        var frame = new short[FrameSamples];
        var output = new byte[64]; // one storage-format frame: 61 bytes at the highest mode
        for (int at = 0; at < samples.Length; at += FrameSamples)
        {
            Array.Clear(frame);
            samples[at..Math.Min(at + FrameSamples, samples.Length)].CopyTo(frame);
            int written = Encode(encoder, mode, frame, output, dtx: 0);
            if (written <= 0) throw new InvalidOperationException($"E_IF_encode returned {written}");
            file.AddRange(output.AsSpan(0, written));
        }
        return [.. file];
    }

    /// <summary>The encoder's state, freed by E_IF_exit.</summary>
    private sealed class EncoderHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
    {
        protected override bool ReleaseHandle()
        {
            Exit(handle);
            return true;
        }
    }

    [LibraryImport(Library, EntryPoint = "E_IF_init")]
    private static partial EncoderHandle Init();

    [LibraryImport(Library, EntryPoint = "E_IF_encode")]
    private static partial int Encode(EncoderHandle state, int mode, [In] short[] speech, [Out] byte[] output, int dtx);

    [LibraryImport(Library, EntryPoint = "E_IF_exit")]
    private static partial void Exit(IntPtr state);
}
