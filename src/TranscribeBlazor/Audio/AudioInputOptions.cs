using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Audio;

/// <summary>Limits and tools for reading input audio, in the browser and the command line (section <c>Transcription</c>).</summary>
public sealed class AudioInputOptions
{
    public const string Section = "Transcription";

    /// <summary>Largest input read, in bytes; a larger file is transcribed up to this point.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Longest audio transcribed, in seconds (files and recordings); a longer one is transcribed up to this point.</summary>
    [Range(1, 7 * 24 * 3600)]
    public double MaxDurationSeconds { get; set; } = 4 * 3600;

    /// <summary>ffmpeg, for every format but WAV (see ContainerKind).</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    public TimeSpan MaxDuration => TimeSpan.FromSeconds(MaxDurationSeconds);

    /// <summary>The defaults, for callers without configuration (tests, the benchmark).</summary>
    public static AudioInputOptions Default => new();
}
