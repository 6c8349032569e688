using TranscribeBlazor.Engines;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// A file waiting its turn in a session, with the engine and options chosen when it was dropped.
/// <see cref="Name"/> is only shown, never used as a path; <see cref="Open"/> is called on a background thread.
/// </summary>
public sealed record QueuedFile(string Name, long? Size, Func<CancellationToken, Stream> Open, string? EngineId = null, TranscriptionRequest? Request = null)
{
    /// <summary>Names the file in the queue, and its run once it starts (<see cref="SessionSnapshot.RunId"/>).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
