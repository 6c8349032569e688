namespace TranscribeBlazor.Audio.Microphone;

/// <param name="BufferSeconds">Audio held on the server while the engine catches up; beyond it the browser holds it.</param>
/// <param name="MaxDuration">Longest recording transcribed.</param>
/// <param name="StallTimeout">A recording whose browser sends nothing for this long ends.</param>
/// <param name="BrowserBacklogSeconds">The most the browser holds back before it stops recording (for the message).</param>
public sealed record MicrophoneLimits(double BufferSeconds, TimeSpan MaxDuration, TimeSpan StallTimeout, double BrowserBacklogSeconds)
{
    /// <summary>How far a recording may fall behind before it stops: the server's buffer and the browser's together.</summary>
    public double MaxBacklogSeconds => BufferSeconds + BrowserBacklogSeconds;
}
