using TranscribeBlazor.Audio.Microphone;

namespace TranscribeBlazor.Sessions;

/// <summary>A live recording's state for its controls.</summary>
/// <param name="Listening">Audio still comes in; false once it stopped and the rest is being transcribed.</param>
/// <param name="Level">Loudness of the latest audio, 0–1, for the level meter.</param>
/// <param name="SecondsRecorded">Length of the recording so far (captured by the browser, whether or not it has reached the server).</param>
/// <param name="BacklogSeconds">Audio recorded but not yet transcribed (on the server and still in the browser).</param>
public sealed record LiveStatus(bool Listening, double Level, double SecondsRecorded, double BacklogSeconds)
{
    /// <summary>Past this the user is told the transcript is lagging behind their voice.</summary>
    public const double NoticeableBacklogSeconds = 1.5;

    public bool IsBehind => Listening && BacklogSeconds > NoticeableBacklogSeconds;

    public static LiveStatus Of(MicrophoneAudio audio) =>
        new(audio.End is null, audio.End is null ? audio.Level : 0, audio.SecondsCaptured, audio.BacklogSeconds);
}
