using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines;

/// <summary>
/// A streaming recogniser: 16-bit mono PCM chunks at <see cref="SampleRate"/> go in, results come out
/// as soon as the engine has them (partials rewritten under one result id, then a final).
/// </summary>
public interface ITranscriptionEngine
{
    /// <summary>Stable identifier used in configuration and on the command line.</summary>
    string Id { get; }

    string DisplayName { get; }

    int SampleRate { get; }

    /// <summary>Whether the engine can run here, and if not, why (for the UI and CLI). May take a moment (credential lookups).</summary>
    ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Transcribes <paramref name="audio"/>. Each chunk's memory is only valid until the next chunk is
    /// requested. Cancelling stops both reading and recognition.
    /// </summary>
    IAsyncEnumerable<TranscriptResult> TranscribeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, CancellationToken cancellationToken);
}
