namespace TranscribeBlazor.Audio;

/// <summary>Limits and tools for reading input audio.</summary>
/// <param name="MaxBytes">Input beyond this many bytes is not read.</param>
/// <param name="MaxDuration">Audio beyond this is not transcribed.</param>
/// <param name="FfmpegPath">The ffmpeg executable for compressed formats.</param>
public sealed record AudioInputOptions(long MaxBytes, TimeSpan MaxDuration, string FfmpegPath)
{
    public static AudioInputOptions Default { get; } = new(2L * 1024 * 1024 * 1024, TimeSpan.FromHours(4), "ffmpeg");
}
