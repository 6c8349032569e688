using System.Globalization;

namespace TranscribeBlazor.Audio.Microphone;

/// <summary>What the user reads when the microphone cannot start, or a recording ended other than by Stop.</summary>
public static class MicrophoneMessages
{
    /// <summary>
    /// The browser's reason recording could not start ("denied", "no-device", "unavailable", "insecure",
    /// "unsupported", anything else) as a sentence; <paramref name="detail"/> is the browser's own error, kept for the unexpected.
    /// </summary>
    public static string CannotStart(string problem, string? detail = null) => problem switch
    {
        "denied" => "The browser was not allowed to use the microphone. Allow it for this site (the icon by the address bar) and press Record again.",
        "no-device" => "No microphone was found. Plug one in (or enable it in the system's sound settings) and press Record again.",
        "unavailable" => "The microphone could not be opened: another application may be using it, or the system blocked it.",
        "insecure" => "Recording needs a secure connection: open this page over HTTPS (or on localhost).",
        "unsupported" => "This browser cannot record audio for transcription (it lacks microphone access or AudioWorklet). Try a current Chrome, Edge, Firefox or Safari.",
        _ => detail is null ? "The microphone could not be started." : $"The microphone could not be started ({Shorten(detail)}).",
    };

    /// <summary>Why the transcript stops where it does, for ends other than Stop; null for those that need no word.</summary>
    public static string? Ended(MicrophoneEnd end, double seconds, TimeSpan maxDuration, double maxBacklogSeconds) => end switch
    {
        MicrophoneEnd.Disconnected => $"The microphone was disconnected at {At(seconds)}; the transcript covers what was recorded until then.",
        MicrophoneEnd.BrowserBehind => $"The server fell more than {maxBacklogSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s behind the microphone, so recording stopped at {At(seconds)}; the transcript covers what reached it.",
        MicrophoneEnd.Stalled => $"The browser stopped sending audio at {At(seconds)}, so the recording ended there.",
        MicrophoneEnd.DurationLimit => $"Recordings are transcribed for at most {Length(maxDuration)}; recording stopped there.",
        MicrophoneEnd.BadAudio => $"The browser sent audio the server could not read, so recording stopped at {At(seconds)}.",
        _ => null,
    };

    private static string At(double seconds) => seconds.ToString("0.0 's'", CultureInfo.InvariantCulture);

    private static string Length(TimeSpan t) => t.TotalHours >= 1
        ? t.TotalHours.ToString("0.# 'h'", CultureInfo.InvariantCulture)
        : t.TotalMinutes >= 1 ? t.TotalMinutes.ToString("0.# 'min'", CultureInfo.InvariantCulture) : At(t.TotalSeconds);

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";
}
