namespace TranscribeBlazor.Audio.Wav;

/// <summary>Human names for WAVE format tags (mmreg.h), so a refusal can say which codec the file holds.</summary>
internal static class WavCodecNames
{
    public const int Pcm = 0x0001;
    public const int IeeeFloat = 0x0003;
    public const int ALaw = 0x0006;
    public const int MuLaw = 0x0007;
    public const int Extensible = 0xFFFE;

    public static string Describe(int tag) => tag switch
    {
        0x0001 => "PCM",
        0x0002 => "Microsoft ADPCM",
        0x0003 => "IEEE float",
        0x0006 => "A-law",
        0x0007 => "µ-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG audio",
        0x0055 => "MP3",
        0x00FF or 0x1610 => "AAC",
        0xFFFE => "WAVE_FORMAT_EXTENSIBLE",
        _ => $"format tag 0x{tag:X4}",
    };
}
