using TranscribeBlazor.Engines;

namespace TranscribeBlazor.Sessions;

/// <summary>A dropped file waiting its turn in a session. <see cref="Open"/> is called on a background thread.</summary>
public sealed record QueuedFile(string Name, long? Size, Func<CancellationToken, Stream> Open, string? EngineId = null, TranscriptionRequest? Request = null)
    : RunInput(Name, EngineId, Request);
