namespace TranscribeBlazor.Engines;

/// <summary>The user's choices for one transcription; each engine reads the part that concerns it.</summary>
public sealed record TranscriptionRequest
{
    public static TranscriptionRequest Default { get; } = new();

    /// <summary>Amazon Transcribe stream options; null means the configured defaults.</summary>
    public Aws.StreamSettings? Aws { get; init; }

    /// <summary>
    /// Told the run's place in line when an engine with limited capacity (PocketSphinx's decoder pool)
    /// makes it wait: 1 = next, 0 = its turn has come. Not called when the engine can start at once.
    /// </summary>
    public Action<int>? OnQueuePlace { get; init; }
}
