using System.Globalization;
using TranscribeBlazor.Audio;
using TranscribeBlazor.IO;
using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.Components.Transcript;

/// <summary>How times, formats and states read on screen.</summary>
public static class TranscriptFormat
{
    /// <summary>"0:07.3", or "1:02:07.3" past an hour.</summary>
    public static string Clock(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0) seconds = 0;
        var t = TimeSpan.FromSeconds(Math.Round(seconds, 1, MidpointRounding.AwayFromZero));
        string tenths = (t.Milliseconds / 100).ToString(CultureInfo.InvariantCulture);
        return t.TotalHours >= 1
            ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}.{tenths}"
            : $"{t.Minutes}:{t.Seconds:00}.{tenths}";
    }

    public static string Range(double start, double end) => $"{Clock(start)} – {Clock(end)}";

    /// <summary>A line's text as a person would type it: words spaced, marks attached ("hello there.").</summary>
    public static string LineText(TranscribeBlazor.Transcripts.TranscriptResult line) =>
        line.Items.Count == 0 ? line.Transcript : TranscribeBlazor.Transcripts.SpeakerRun.TextOf(line.Items);

    /// <summary>"WAV · 16-bit PCM · 44.1 kHz · stereo · 0:25.0".</summary>
    public static string Describe(AudioFormatInfo format)
    {
        string channels = format.Channels switch { 0 => "", 1 => " · mono", 2 => " · stereo", var n => $" · {n} channels" };
        string rate = (format.SampleRate / 1000.0).ToString("0.###", CultureInfo.InvariantCulture) + " kHz";
        // "MP3 · mp3" says nothing twice: the codec shows when it differs from the container's name.
        string codec = string.Equals(format.Codec, format.Container, StringComparison.OrdinalIgnoreCase) ? "" : $" · {format.Codec}";
        string text = $"{format.Container}{codec} · {rate}{channels}";
        return format.Duration is { } d ? $"{text} · {Clock(d.TotalSeconds)}" : text;
    }

    /// <summary>
    /// "uploaded 3.2 MB of 10.0 MB · 12.3 s of 25.0 s · 0:04 elapsed · 4.1× real time"; the upload part
    /// only while the browser is still sending.
    /// </summary>
    /// <param name="browserSeconds">The file's length as the browser's player knows it, for formats whose length the server cannot tell from a stream (MP3, Ogg).</param>
    public static string Progress(SessionSnapshot snapshot, double? browserSeconds = null)
    {
        if (snapshot.Live is { } live)
            return LiveProgress(snapshot, live);
        var parts = new List<string>(4);
        if (snapshot.BytesTotal is { } totalBytes && snapshot.BytesReceived < totalBytes)
            parts.Add($"uploaded {ByteSize.OfFile(snapshot.BytesReceived)} of {ByteSize.OfFile(totalBytes)}");
        string done = snapshot.SecondsProcessed.ToString("0.0", CultureInfo.InvariantCulture);
        parts.Add(TotalSeconds(snapshot, browserSeconds) is { } total
            ? $"{done} s of {total.ToString("0.0", CultureInfo.InvariantCulture)} s"
            : $"{done} s");
        parts.Add($"{(int)snapshot.Elapsed.TotalMinutes}:{snapshot.Elapsed.Seconds:00} elapsed");
        if (snapshot.SpeedFactor is { } speed)
            parts.Add($"{speed.ToString("0.0", CultureInfo.InvariantCulture)}× real time");
        return string.Join(" · ", parts);
    }

    /// <summary>"0:12.3 recorded · 11.9 s transcribed · 2.4 s waiting"; the waiting part once it is noticeable.</summary>
    private static string LiveProgress(SessionSnapshot snapshot, LiveStatus live)
    {
        string text = $"{Clock(live.SecondsRecorded)} recorded · {snapshot.SecondsProcessed.ToString("0.0", CultureInfo.InvariantCulture)} s transcribed";
        return live.BacklogSeconds > LiveStatus.NoticeableBacklogSeconds
            ? $"{text} · {live.BacklogSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s waiting"
            : text;
    }

    /// <summary>Share of the file processed (0–100), or null when the length is unknown.</summary>
    public static double? Percent(SessionSnapshot snapshot, double? browserSeconds = null) =>
        TotalSeconds(snapshot, browserSeconds) is { } total
            ? Math.Clamp(100 * snapshot.SecondsProcessed / total, 0, 100)
            : null;

    private static double? TotalSeconds(SessionSnapshot snapshot, double? browserSeconds) =>
        snapshot.Live is { SecondsRecorded: > 0 } live ? live.SecondsRecorded
        : snapshot.Format?.Duration?.TotalSeconds is > 0 and var known ? known
        : browserSeconds is > 0 and var fromBrowser ? fromBrowser
        : null;

    public static string StateName(SessionStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The status chip's colour (the theme's shades keep its text at AA contrast).</summary>
    public static MudBlazor.Color StatusColor(SessionStatus status) => status switch
    {
        SessionStatus.Running => MudBlazor.Color.Info,
        SessionStatus.Done => MudBlazor.Color.Success,
        SessionStatus.Cancelled => MudBlazor.Color.Warning,
        SessionStatus.Error => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string StatusLabel(SessionStatus status) => status switch
    {
        SessionStatus.Idle => "Ready",
        SessionStatus.Running => "Transcribing",
        SessionStatus.Done => "Done",
        SessionStatus.Cancelled => "Cancelled",
        SessionStatus.Error => "Error",
        _ => status.ToString(),
    };
}
