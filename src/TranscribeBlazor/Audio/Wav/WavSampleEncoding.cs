namespace TranscribeBlazor.Audio.Wav;

/// <summary>How one sample is stored in a WAV file's data chunk.</summary>
public enum WavSampleEncoding
{
    /// <summary>Unsigned 8-bit, 128 = silence.</summary>
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
    /// <summary>G.711 A-law, 8 bits.</summary>
    ALaw,
    /// <summary>G.711 µ-law, 8 bits.</summary>
    MuLaw,
}
