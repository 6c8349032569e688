namespace TranscribeBlazor.Sessions;

/// <summary>Messages shared by the UI and the command line, so both say the same thing.</summary>
public static class SessionMessages
{
    public const string NoSpeech = "No speech found in this recording.";
}
