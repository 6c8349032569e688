namespace TranscribeBlazor.Audio;

/// <summary>A decoder that yields mono 16-bit chunks at the engine's sample rate as its input arrives.</summary>
internal interface IPcmSource : IAsyncDisposable
{
    AudioFormatInfo Format { get; }

    /// <summary>True when the input ended before the length its header declared.</summary>
    bool EndedEarly { get; }

    /// <summary>Damage the decoder reported but decoded past, to tell the user; null when there was none.</summary>
    string? Warning { get; }

    /// <summary>Chunks of about 100 ms; each chunk's memory is valid until the next one is requested.</summary>
    IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync(CancellationToken cancellationToken);
}
