using System.ComponentModel.DataAnnotations;
using TranscribeBlazor.Audio;

namespace TranscribeBlazor.Sessions;

/// <summary>Configuration section <c>Transcription</c>.</summary>
public sealed class TranscriptionOptions
{
    public const string Section = "Transcription";

    /// <summary>Engine used when the user has not picked one.</summary>
    [Required]
    public string DefaultEngine { get; set; } = Engines.PocketSphinx.PocketSphinxEngine.EngineId;

    /// <summary>Largest input read, in bytes; a larger file is transcribed up to this point.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Longest audio transcribed, in seconds; a longer recording is transcribed up to this point.</summary>
    [Range(1, 7 * 24 * 3600)]
    public double MaxDurationSeconds { get; set; } = 4 * 3600;

    /// <summary>ffmpeg, for FLAC, Ogg, MP3, M4A and WebM.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Files one browser can have waiting behind the one being transcribed.</summary>
    [Range(0, 1000)]
    public int MaxWaitingFiles { get; set; } = 20;

    /// <summary>Transcriptions running or waiting for an engine across the server; beyond it, "busy, try again".</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRuns { get; set; } = 32;

    /// <summary>Transcriptions one client address may have running at once (one per tab or window).</summary>
    [Range(1, 1000)]
    public int MaxRunsPerClient { get; set; } = 4;

    /// <summary>A run whose upload stops arriving (the browser went quiet while connected) ends after this long.</summary>
    [Range(1, 3600)]
    public double UploadStallSeconds { get; set; } = 60;

    /// <summary>Where uploads are spooled (a private directory, files unlinked at once); default: the system's temp directory.</summary>
    public string? SpoolDirectory { get; set; }

    public string SpoolPath => string.IsNullOrWhiteSpace(SpoolDirectory) ? Uploads.SpoolDirectory.Default : SpoolDirectory;

    /// <summary>How long a transcription keeps running after its browser disconnects, waiting for it to come back.</summary>
    [Range(0, 3600)]
    public double DisconnectGraceSeconds { get; set; } = 10;

    public AudioInputOptions AudioInput => new(MaxUploadBytes, TimeSpan.FromSeconds(MaxDurationSeconds), FfmpegPath);
}
