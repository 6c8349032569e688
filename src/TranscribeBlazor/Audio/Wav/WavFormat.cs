namespace TranscribeBlazor.Audio.Wav;

/// <summary>What a WAV file's <c>fmt </c> and <c>data</c> chunks declare.</summary>
/// <param name="BitsPerSample">Container size of one sample (8, 16, 24, 32 or 64).</param>
/// <param name="DataBytes">Length of the <c>data</c> chunk, or null when the writer left it open (0 or 0xFFFFFFFF).</param>
public sealed record WavFormat(int Channels, int SampleRate, int BitsPerSample, WavSampleEncoding Encoding, long? DataBytes)
{
    public int BytesPerSample => BitsPerSample / 8;

    public int BlockAlign => Channels * BytesPerSample;

    public TimeSpan? Duration => DataBytes is long bytes && BlockAlign > 0
        ? TimeSpan.FromSeconds((double)(bytes / BlockAlign) / SampleRate)
        : null;

    public AudioFormatInfo ToInfo() =>
        new("WAV", WavSampleEncodings.Describe(Encoding), Channels, SampleRate, Duration);
}
