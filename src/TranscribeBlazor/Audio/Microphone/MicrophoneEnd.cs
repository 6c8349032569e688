namespace TranscribeBlazor.Audio.Microphone;

/// <summary>Why a live recording stopped taking audio.</summary>
public enum MicrophoneEnd
{
    /// <summary>The user pressed Stop.</summary>
    Stopped,

    /// <summary>The browser reported the device gone (unplugged, or its permission withdrawn).</summary>
    Disconnected,

    /// <summary>The server fell so far behind that the browser would have had to hold more than its limit.</summary>
    BrowserBehind,

    /// <summary>No audio arrived for the stall timeout while recording.</summary>
    Stalled,

    /// <summary>The recording reached the longest duration transcribed.</summary>
    DurationLimit,

    /// <summary>The browser sent something that is not 16-bit audio.</summary>
    BadAudio,

    /// <summary>The run ended on its own (cancelled, failed); nothing to tell the user here.</summary>
    Closed,
}
