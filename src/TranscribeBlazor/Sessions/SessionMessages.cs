namespace TranscribeBlazor.Sessions;

/// <summary>Messages shared by the UI and the command line, so both say the same thing.</summary>
public static class SessionMessages
{
    public const string EndedEarly = "The file ended before the length its header declares (it may be truncated); the transcript covers the audio that was there.";
    public const string NoSpeech = "No speech found in this recording.";
}
