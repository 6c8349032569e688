using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Sessions;

/// <summary>Configuration section <c>Transcription</c>.</summary>
public sealed class TranscriptionOptions
{
    public const string Section = "Transcription";

    /// <summary>Engine used when the user has not picked one.</summary>
    [Required]
    public string DefaultEngine { get; set; } = Engines.PocketSphinx.PocketSphinxEngine.EngineId;

    /// <summary>Largest upload accepted, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long a transcription keeps running after its browser disconnects, waiting for it to come back.</summary>
    [Range(0, 3600)]
    public double DisconnectGraceSeconds { get; set; } = 10;
}
