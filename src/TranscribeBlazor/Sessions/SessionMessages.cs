namespace TranscribeBlazor.Sessions;

/// <summary>Messages shared by the UI and the command line, so both say the same thing.</summary>
public static class SessionMessages
{
    public const string NoSpeech = "No speech found in this recording.";

    public const string Transcribing = "Transcribing…";

    public const string Listening = "Listening: speak, and the transcript follows.";

    public const string Finishing = "Recording stopped: finishing the transcript…";

    /// <summary>Where a run waiting for a recogniser stands (1 = next); 0 means its turn has come.</summary>
    public static string QueuePlace(int place) => place switch
    {
        <= 0 => Transcribing,
        1 => "Every recogniser on the server is busy: you are next.",
        _ => $"Every recogniser on the server is busy: {place - 1} ahead of you.",
    };
}
