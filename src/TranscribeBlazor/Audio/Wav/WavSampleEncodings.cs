namespace TranscribeBlazor.Audio.Wav;

internal static class WavSampleEncodings
{
    public static string Describe(WavSampleEncoding encoding) => encoding switch
    {
        WavSampleEncoding.Pcm8 => "8-bit PCM",
        WavSampleEncoding.Pcm16 => "16-bit PCM",
        WavSampleEncoding.Pcm24 => "24-bit PCM",
        WavSampleEncoding.Pcm32 => "32-bit PCM",
        WavSampleEncoding.Float32 => "32-bit float",
        WavSampleEncoding.Float64 => "64-bit float",
        WavSampleEncoding.ALaw => "A-law",
        WavSampleEncoding.MuLaw => "µ-law",
        _ => encoding.ToString(),
    };

    /// <summary>The encoding for a format tag and container size, or null when we cannot read that combination.</summary>
    public static WavSampleEncoding? From(int tag, int bits) => (tag, bits) switch
    {
        (WavCodecNames.Pcm, 8) => WavSampleEncoding.Pcm8,
        (WavCodecNames.Pcm, 16) => WavSampleEncoding.Pcm16,
        (WavCodecNames.Pcm, 24) => WavSampleEncoding.Pcm24,
        (WavCodecNames.Pcm, 32) => WavSampleEncoding.Pcm32,
        (WavCodecNames.IeeeFloat, 32) => WavSampleEncoding.Float32,
        (WavCodecNames.IeeeFloat, 64) => WavSampleEncoding.Float64,
        (WavCodecNames.ALaw, 8) => WavSampleEncoding.ALaw,
        (WavCodecNames.MuLaw, 8) => WavSampleEncoding.MuLaw,
        _ => null,
    };
}
