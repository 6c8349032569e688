using System.Runtime.InteropServices;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Raw declarations for libpocketsphinx 5prealpha (Debian <c>libpocketsphinx3</c>), mirroring
/// pocketsphinx.h. Strings the library returns are owned by it and only read here.
/// </summary>
internal static partial class InteropPocketSphinx
{
    internal const string Library = "libpocketsphinx.so.3";

    [LibraryImport(Library)]
    internal static partial IntPtr ps_args();

    /// <summary>Creates a decoder; it retains <paramref name="config"/>, so the caller may free its own reference.</summary>
    [LibraryImport(Library)]
    internal static partial SafeDecoderHandle ps_init(SafeConfigHandle config);

    [LibraryImport(Library)]
    internal static partial int ps_free(IntPtr decoder);

    [LibraryImport(Library)]
    internal static partial IntPtr ps_get_config(SafeDecoderHandle decoder);

    [LibraryImport(Library)]
    internal static partial IntPtr ps_get_logmath(SafeDecoderHandle decoder);

    [LibraryImport(Library)]
    internal static partial IntPtr ps_get_feat(SafeDecoderHandle decoder);

    /// <summary>The decoder's own front end (<c>fe_t</c>, owned by the decoder): turns samples into cepstra.</summary>
    [LibraryImport(Library)]
    internal static partial IntPtr ps_get_fe(SafeDecoderHandle decoder);

    /// <summary>Starts a new stream: frame numbers (and so word times) restart at zero.</summary>
    [LibraryImport(Library)]
    internal static partial int ps_start_stream(SafeDecoderHandle decoder);

    [LibraryImport(Library)]
    internal static partial int ps_start_utt(SafeDecoderHandle decoder);

    [LibraryImport(Library)]
    internal static unsafe partial int ps_process_raw(SafeDecoderHandle decoder, short* data, nuint sampleCount, int noSearch, int fullUtterance);

    [LibraryImport(Library)]
    internal static partial int ps_end_utt(SafeDecoderHandle decoder);

    [LibraryImport(Library)]
    internal static partial byte ps_get_in_speech(SafeDecoderHandle decoder);

    [LibraryImport(Library)]
    internal static partial IntPtr ps_get_hyp(SafeDecoderHandle decoder, out int bestScore);

    [LibraryImport(Library)]
    internal static partial IntPtr ps_seg_iter(SafeDecoderHandle decoder);

    /// <summary>Advances the iterator; at the end it frees it and returns NULL.</summary>
    [LibraryImport(Library)]
    internal static partial IntPtr ps_seg_next(IntPtr segment);

    [LibraryImport(Library)]
    internal static partial IntPtr ps_seg_word(IntPtr segment);

    [LibraryImport(Library)]
    internal static partial void ps_seg_frames(IntPtr segment, out int startFrame, out int endFrame);

    /// <summary>Log posterior probability of the word (meaningful after the utterance ends, with -bestpath).</summary>
    [LibraryImport(Library)]
    internal static partial int ps_seg_prob(IntPtr segment, out int acousticScore, out int languageScore, out int languageBackoff);

    [LibraryImport(Library)]
    internal static partial void ps_seg_free(IntPtr segment);
}
