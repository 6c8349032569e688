namespace TranscribeBlazor.Audio;

/// <summary>
/// Audio ready for an engine: 16-bit mono chunks at <see cref="SampleRate"/>, from an uploaded file or a
/// live microphone. Transcription does not care which.
/// </summary>
public interface IEngineAudio : IAsyncDisposable
{
    AudioFormatInfo Format { get; }

    int SampleRate { get; }

    /// <summary>Seconds of audio delivered so far.</summary>
    double SecondsRead { get; }

    /// <summary>Why the audio ended before its natural end (limits, damage, a device gone), for the user; empty otherwise.</summary>
    IReadOnlyList<string> Notices { get; }

    /// <summary>Chunks of about 100 ms; each chunk's memory is valid until the next one is requested.</summary>
    IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync(CancellationToken cancellationToken = default);
}
