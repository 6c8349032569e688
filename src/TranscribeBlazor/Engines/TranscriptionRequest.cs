namespace TranscribeBlazor.Engines;

/// <summary>The user's choices for one transcription; each engine reads the part that concerns it.</summary>
public sealed record TranscriptionRequest
{
    public static TranscriptionRequest Default { get; } = new();

    /// <summary>Amazon Transcribe stream options; null means the configured defaults.</summary>
    public Aws.StreamSettings? Aws { get; init; }
}
