namespace TranscribeBlazor.Uploads;

/// <summary>The browser (or an API client) stayed connected but stopped sending the file; the run ends rather than hold its decoder forever.</summary>
public sealed class UploadStalledException(TimeSpan waited)
    : IOException($"Nothing more of the file arrived for {waited.TotalSeconds:0} s, so the transcription stopped. The transcript so far is kept.")
{
    /// <summary>How long nothing arrived.</summary>
    public TimeSpan Waited { get; } = waited;
}
