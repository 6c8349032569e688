using System.Runtime.InteropServices;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Raw declarations for libsphinxbase (Debian <c>libsphinxbase3</c>, pulled in by <c>libpocketsphinx3</c>),
/// mirroring its C API. Only the versioned file name ships without the -dev package.
/// </summary>
internal static partial class InteropSphinxBase
{
    internal const string Library = "libsphinxbase.so.3";

    /// <summary>Parses <paramref name="argv"/> ("-name", "value" pairs) against <paramref name="definitions"/>; NULL on an unknown or malformed argument when strict.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial SafeConfigHandle cmd_ln_parse_r(IntPtr inoutConfig, IntPtr definitions, int argc, string[] argv, int strict);

    [LibraryImport(Library)]
    internal static partial int cmd_ln_free_r(IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial CLong cmd_ln_int_r(IntPtr config, string name);

    /// <summary>NULL silences the library's logging, which would otherwise go to stderr per utterance.</summary>
    [LibraryImport(Library)]
    internal static partial IntPtr err_set_logfp(IntPtr stream);

    [LibraryImport(Library)]
    internal static partial double logmath_exp(IntPtr logmath, int logValue);

    [LibraryImport(Library)]
    internal static unsafe partial void cmn_live_get(IntPtr cmn, float* vector);

    [LibraryImport(Library)]
    internal static unsafe partial void cmn_live_set(IntPtr cmn, float* vector);

    [LibraryImport(Library)]
    internal static partial int fe_start_utt(IntPtr fe);

    /// <summary>Cepstra per frame (13 for the en-us model).</summary>
    [LibraryImport(Library)]
    internal static partial int fe_get_output_size(IntPtr fe);

    /// <summary>
    /// Turns samples into at most <c>*frameCount</c> frames of cepstra (rows of <paramref name="cepstra"/>),
    /// advancing <c>*samples</c> and lowering <c>*sampleCount</c> by what it used. With the front end's
    /// voice detection on (5prealpha's default), only speech frames come out: those the live CMN would see.
    /// </summary>
    [LibraryImport(Library)]
    internal static unsafe partial int fe_process_frames(IntPtr fe, short** samples, nuint* sampleCount, float** cepstra, int* frameCount, int* frameIndex);

    [LibraryImport(Library)]
    internal static unsafe partial int fe_end_utt(IntPtr fe, float* lastFrame, int* frameCount);

    /// <summary>Leading fields of <c>feat_t</c> (sphinxbase/feat.h), up to the CMN state we reset between sessions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct FeatHead
    {
        public int RefCount;
        public IntPtr Name;
        public int CepSize;
        public int StreamCount;
        public IntPtr StreamLengths;
        public int WindowSize;
        public int SubvectorCount;
        public IntPtr SubvectorLengths;
        public IntPtr Subvectors;
        public IntPtr SubvectorBuffer;
        public int SubvectorDimension;
        public int CmnType;
        public int VarianceNormalisation;
        public int AgcType;
        public IntPtr ComputeFeature;
        public IntPtr CmnState;
    }

    /// <summary><c>cmn_t</c> (sphinxbase/cmn.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Cmn
    {
        public IntPtr Mean;
        public IntPtr Variance;
        public IntPtr Sum;
        public int FrameCount;
        public int VectorLength;
    }
}
