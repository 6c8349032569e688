namespace TranscribeBlazor.Engines;

/// <summary>The user's choices for one transcription; each engine reads the part that concerns it.</summary>
public sealed record TranscriptionRequest
{
    public static TranscriptionRequest Default { get; } = new();

    /// <summary>Amazon Transcribe stream options; null means the configured defaults.</summary>
    public Aws.StreamSettings? Aws { get; init; }

    /// <summary>
    /// Told the run's place in line when an engine with limited capacity (PocketSphinx's decoder pool)
    /// makes it wait, and <see cref="QueuePlace.Turn"/> when its turn has come. Not called when the engine can start at once.
    /// </summary>
    public Action<QueuePlace>? OnQueuePlace { get; init; }

    /// <summary>Whom the run is for (the client's address), so an engine with limited capacity shares it fairly between clients; null: nobody in particular.</summary>
    public string? Client { get; init; }

    /// <summary>
    /// The audio is a file, not a live recording: an engine may read it ahead of its decoding (PocketSphinx
    /// then decodes pieces of it on several decoders at once). Engines that must be fed at real time ignore it.
    /// </summary>
    public bool IsFile { get; init; }

    /// <summary>Told how many seconds from the start the engine has finished, when it reads ahead of its decoding (<see cref="IsFile"/>).</summary>
    public Action<double>? OnSecondsDone { get; init; }
}
