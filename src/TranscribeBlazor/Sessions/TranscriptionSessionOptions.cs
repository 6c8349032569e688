using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Sessions;

/// <summary>One circuit's queue and how long its run outlives a lost connection (section <c>Transcription</c>).</summary>
public sealed class TranscriptionSessionOptions
{
    public const string Section = "Transcription";

    /// <summary>Files one browser can have waiting behind the one being transcribed.</summary>
    [Range(0, 1000)]
    public int MaxWaitingFiles { get; set; } = 20;

    /// <summary>How long a transcription keeps running after its browser disconnects, waiting for it to come back.</summary>
    [Range(0, 3600)]
    public double DisconnectGraceSeconds { get; set; } = 10;
}
