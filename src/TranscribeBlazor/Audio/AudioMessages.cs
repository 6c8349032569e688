namespace TranscribeBlazor.Audio;

/// <summary>Messages about input audio that the UI and the command line share, worded here once.</summary>
public static class AudioMessages
{
    public const string EndedEarly = "The file ended before the length its header declares (it may be truncated); the transcript covers the audio that was there.";

    /// <summary>Shown while an index-last MP4 finishes uploading, before any audio can be read.</summary>
    public const string ReadOnceArrived = "This file keeps its index at the end, so it can only be read once it has fully arrived: uploading…";

    /// <summary>An index-last MP4 or CAF read from a pipe (the command line's standard input), which cannot go back to its samples.</summary>
    public static string IndexAtEndOfPipe(string aContainer) =>
        $"This is {aContainer} file that keeps its index at the end, so it cannot be read from a pipe: give the file's name instead of -.";

    public static string IndexMissing(string aContainer) =>
        $"This is {aContainer} file whose index (its 'moov' box) is missing: the recording was probably cut off before it was saved, and without the index its audio cannot be found. Try the recorder's own recovery, or record again.";

    public static string NoAudioTrack(string aContainer) =>
        $"This is {aContainer} file with no audio track, so there is nothing to transcribe.";

    public static string ProtectedAudio(string aContainer, string tag) => Protected(aContainer, $"DRM, '{tag}'");

    public static string ProtectedWindowsMedia(string aContainer) => Protected(aContainer, "Windows Media DRM");

    private static string Protected(string aContainer, string scheme) =>
        $"This is {aContainer} file whose audio is copy-protected ({scheme}), so it cannot be decoded. Use an unprotected copy of the recording.";

    public static string UnsupportedCodec(string aContainer, string tag) =>
        $"This is {aContainer} file, but its audio is in a format ('{tag}') this server cannot decode. Convert it to FLAC, WAV or M4A and drop that.";

    public static string WholeFileTooLarge(string aContainer, string limit) =>
        $"This is {aContainer} file that keeps its index at the end and is larger than the {limit} limit, so no part of it can be read. Re-save it with \"fast start\" or split it.";
}
