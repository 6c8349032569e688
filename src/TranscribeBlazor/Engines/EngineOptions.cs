using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Engines;

/// <summary>The engine used when the user has not picked one (<c>Transcription:DefaultEngine</c>).</summary>
public sealed class EngineOptions
{
    public const string Section = "Transcription";

    /// <summary>The offline engine, so a fresh machine transcribes without a cloud account (PocketSphinxEngine.EngineId).</summary>
    public const string OfflineEngineId = "pocketsphinx";

    [Required]
    public string DefaultEngine { get; set; } = OfflineEngineId;
}
