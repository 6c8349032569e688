using System.Buffers.Binary;

namespace TranscribeBlazor.Audio.Wav;

/// <summary>Interleaved WAV frames of any supported encoding → mono float samples in [-1, 1] (channels averaged).</summary>
internal static class SampleDecoder
{
    private static readonly float[] ALawTable = BuildTable(DecodeALaw);
    private static readonly float[] MuLawTable = BuildTable(DecodeMuLaw);

    public static void Downmix(ReadOnlySpan<byte> frames, WavSampleEncoding encoding, int channels, Span<float> mono)
    {
        int size = BytesPerSample(encoding);
        float scale = 1f / channels;
        for (int frame = 0, offset = 0; frame < mono.Length; frame++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++, offset += size)
                sum += Decode(frames.Slice(offset, size), encoding);
            mono[frame] = sum * scale;
        }
    }

    public static int BytesPerSample(WavSampleEncoding encoding) => encoding switch
    {
        WavSampleEncoding.Pcm8 or WavSampleEncoding.ALaw or WavSampleEncoding.MuLaw => 1,
        WavSampleEncoding.Pcm16 => 2,
        WavSampleEncoding.Pcm24 => 3,
        WavSampleEncoding.Pcm32 or WavSampleEncoding.Float32 => 4,
        WavSampleEncoding.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    private static float Decode(ReadOnlySpan<byte> s, WavSampleEncoding encoding) => encoding switch
    {
        WavSampleEncoding.Pcm8 => (s[0] - 128) / 128f,
        WavSampleEncoding.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
        WavSampleEncoding.Pcm24 => ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608f,
        WavSampleEncoding.Pcm32 => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
        // Float files may exceed ±1 (or hold NaN); clamp so one bad sample cannot poison the filter.
        WavSampleEncoding.Float32 => Sanitize(BinaryPrimitives.ReadSingleLittleEndian(s)),
        WavSampleEncoding.Float64 => Sanitize((float)BinaryPrimitives.ReadDoubleLittleEndian(s)),
        WavSampleEncoding.ALaw => ALawTable[s[0]],
        WavSampleEncoding.MuLaw => MuLawTable[s[0]],
        _ => 0,
    };

    private static float Sanitize(float x) => float.IsFinite(x) ? Math.Clamp(x, -1f, 1f) : 0f;

    private static float[] BuildTable(Func<byte, short> decode)
    {
        var table = new float[256];
        for (int i = 0; i < 256; i++) table[i] = decode((byte)i) / 32768f;
        return table;
    }

    /// <summary>ITU-T G.711 A-law expansion.</summary>
    internal static short DecodeALaw(byte code)
    {
        int a = code ^ 0x55;
        int exponent = (a & 0x70) >> 4;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }

    /// <summary>ITU-T G.711 µ-law expansion.</summary>
    internal static short DecodeMuLaw(byte code)
    {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 0x07;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << exponent) - 0x84;
        return (short)((u & 0x80) != 0 ? -magnitude : magnitude);
    }
}
