namespace TranscribeBlazor.Audio;

/// <summary>Messages about input audio that the UI and the command line share.</summary>
public static class AudioMessages
{
    public const string EndedEarly = "The file ended before the length its header declares (it may be truncated); the transcript covers the audio that was there.";

    public const string Mp4IndexAtEnd = "This M4A/MP4 file keeps its index at the end (it was not saved for streaming), so it cannot be decoded while it uploads. Re-save it with \"fast start\" (ffmpeg -i in.m4a -c copy -movflags +faststart out.m4a) or convert it to FLAC or Ogg.";
}
