using System.ComponentModel.DataAnnotations;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Microphone;

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

    /// <summary>A run whose upload or recording stops arriving (the browser went quiet while connected) ends after this long.</summary>
    [Range(1, 3600)]
    public double UploadStallSeconds { get; set; } = 60;

    /// <summary>Where uploads are spooled (a private directory, files unlinked at once); default: the system's temp directory.</summary>
    public string? SpoolDirectory { get; set; }

    public string SpoolPath => string.IsNullOrWhiteSpace(SpoolDirectory) ? Uploads.SpoolDirectory.Default : SpoolDirectory;

    /// <summary>How long a transcription keeps running after its browser disconnects, waiting for it to come back.</summary>
    [Range(0, 3600)]
    public double DisconnectGraceSeconds { get; set; } = 10;

    /// <summary>A live recording's audio held on the server while the engine catches up (waiting for a recogniser, say).</summary>
    [Range(0.5, 600)]
    public double LiveBufferSeconds { get; set; } = 5;

    /// <summary>Beyond the server's buffer, how much the browser holds back before it stops recording and says why.</summary>
    [Range(1, 3600)]
    public double LiveBrowserBacklogSeconds { get; set; } = 30;

    /// <summary>How much of a recording the browser keeps to play back afterwards (32 KB a second).</summary>
    [Range(0, 7 * 24 * 3600)]
    public double LivePlaybackSeconds { get; set; } = 3600;

    public MicrophoneLimits Microphone => new(LiveBufferSeconds, TimeSpan.FromSeconds(MaxDurationSeconds), TimeSpan.FromSeconds(UploadStallSeconds), LiveBrowserBacklogSeconds);

    public AudioInputOptions AudioInput => new(MaxUploadBytes, TimeSpan.FromSeconds(MaxDurationSeconds), FfmpegPath);
}
