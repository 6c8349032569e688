namespace TranscribeBlazor.Audio;

/// <summary>What a WAV file's <c>fmt </c> and <c>data</c> chunks declare.</summary>
/// <param name="DataBytes">Length of the <c>data</c> chunk, or null when the writer left it open (0 or 0xFFFFFFFF).</param>
public sealed record WavFormat(int Channels, int SampleRate, int BitsPerSample, int FormatTag, long? DataBytes)
{
    public int BlockAlign => Channels * (BitsPerSample / 8);

    public TimeSpan? Duration => DataBytes is long bytes && BlockAlign > 0
        ? TimeSpan.FromSeconds((double)(bytes / BlockAlign) / SampleRate)
        : null;
}
