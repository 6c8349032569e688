using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Audio.Microphone;

/// <summary>How much of a live recording the server and the browser hold (section <c>Transcription</c>).</summary>
public sealed class MicrophoneOptions
{
    public const string Section = "Transcription";

    /// <summary>A live recording's audio held on the server while the engine catches up (waiting for a recogniser, say).</summary>
    [Range(0.5, 600)]
    public double LiveBufferSeconds { get; set; } = 5;

    /// <summary>Beyond the server's buffer, how much the browser holds back before it stops recording and says why.</summary>
    [Range(1, 3600)]
    public double LiveBrowserBacklogSeconds { get; set; } = 30;

    /// <summary>How much of a recording the browser keeps to play back afterwards (32 KB a second).</summary>
    [Range(0, 7 * 24 * 3600)]
    public double LivePlaybackSeconds { get; set; } = 3600;

    /// <summary>The limits of one recording: these buffers with the longest audio transcribed and the stall timeout of any input.</summary>
    public MicrophoneLimits LimitsWith(TimeSpan maxDuration, TimeSpan stallTimeout) =>
        new(LiveBufferSeconds, maxDuration, stallTimeout, LiveBrowserBacklogSeconds);
}
