using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Admission;

/// <summary>How many transcriptions the server and each client may have at once (section <c>Transcription</c>).</summary>
public sealed class AdmissionOptions
{
    public const string Section = "Transcription";

    /// <summary>Transcriptions running or waiting for an engine across the server; beyond it, "busy, try again".</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRuns { get; set; } = 32;

    /// <summary>Transcriptions one client address may have running at once (one per tab or window).</summary>
    [Range(1, 1000)]
    public int MaxRunsPerClient { get; set; } = 4;
}
