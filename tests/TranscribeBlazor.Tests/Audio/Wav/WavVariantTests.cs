using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Wav;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Wav;

/// <summary>
/// Every common WAV shape, written by sox (an independent writer), decodes to the same audio as the
/// 16-bit original it was made from.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class WavVariantTests
{
    private static readonly byte[] Original = WavBuilder.Pcm16(Signals.Tone(440, 16_000, 1.0, amplitude: 0.5), 16_000, 1);

    private static async Task<(AudioFormatInfo Format, float[] Samples)> DecodeAsync(byte[] wav)
    {
        await using var reader = await EngineAudioReader.OpenAsync(new TrickleStream(wav, 1_000), 16_000, AudioInputOptions.Default);
        var samples = new List<float>();
        await foreach (var chunk in reader.ReadChunksAsync())
            foreach (short s in chunk.Span) samples.Add(s / 32768f);
        return (reader.Format, [.. samples]);
    }

    private static double SnrDb(float[] reference, float[] actual)
    {
        Assert.Equal(reference.Length, actual.Length);
        double signal = 0, noise = 0;
        for (int i = 0; i < reference.Length; i++)
        {
            signal += reference[i] * reference[i];
            noise += (reference[i] - actual[i]) * (reference[i] - actual[i]);
        }
        return noise == 0 ? double.PositiveInfinity : 10 * Math.Log10(signal / noise);
    }

    [SoxTheory]
    [InlineData("8-bit PCM", 35, "-e", "unsigned-integer", "-b", "8")]
    [InlineData("16-bit PCM", 200, "-e", "signed-integer", "-b", "16")]
    [InlineData("24-bit PCM", 90, "-e", "signed-integer", "-b", "24")]
    [InlineData("32-bit PCM", 90, "-e", "signed-integer", "-b", "32")]
    [InlineData("32-bit float", 90, "-e", "floating-point", "-b", "32")]
    [InlineData("64-bit float", 90, "-e", "floating-point", "-b", "64")]
    [InlineData("A-law", 30, "-e", "a-law")]
    [InlineData("µ-law", 30, "-e", "mu-law")]
    public async Task EverySampleEncoding_DecodesToTheOriginal(string codec, double minimumSnrDb, params string[] encoding)
    {
        var variant = Tools.Sox(Original, "wav", [.. encoding, "-t", "wav", "-"]);
        var (_, expected) = await DecodeAsync(Original);
        var (format, actual) = await DecodeAsync(variant);

        Assert.Equal(codec, format.Codec);
        Assert.True(SnrDb(expected, actual) >= minimumSnrDb, $"{codec}: SNR {SnrDb(expected, actual):0.0} dB < {minimumSnrDb} dB");
    }

    [SoxTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public async Task OneToEightChannels_AreMixedDown(int channels)
    {
        // sox writes WAVE_FORMAT_EXTENSIBLE for more than two channels, as the format requires.
        var variant = Tools.Sox(Original, "wav", "-c", channels.ToString(), "-t", "wav", "-");
        var (_, expected) = await DecodeAsync(Original);
        var (format, actual) = await DecodeAsync(variant);
        Assert.Equal(channels, format.Channels);
        Assert.True(SnrDb(expected, actual) > 60);
    }

    [SoxTheory]
    [InlineData(8_000)]
    [InlineData(11_025)]
    [InlineData(22_050)]
    [InlineData(32_000)]
    [InlineData(44_100)]
    [InlineData(48_000)]
    [InlineData(88_200)]
    [InlineData(96_000)]
    public async Task EightToNinetySixKilohertz_BecomeSixteenKilohertz_WithTheToneIntact(int rate)
    {
        var variant = Tools.Sox(Original, "wav", "-r", rate.ToString(), "-t", "wav", "-");
        var (format, actual) = await DecodeAsync(variant);
        Assert.Equal(rate, format.SampleRate);
        Assert.InRange(actual.Length, 15_990, 16_010);
        Assert.InRange(Signals.Amplitude(actual.AsSpan(1_600, 12_800), 440, 16_000), 0.49, 0.51);
    }

    [Fact]
    public async Task SignalsAtFullScale_AndBeyond_InFloatFiles_AreClampedNotWrapped()
    {
        var samples = new float[] { 0.5f, 1.5f, -3f, float.NaN, float.PositiveInfinity, -0.25f };
        var body = samples.SelectMany(BitConverter.GetBytes).ToArray();
        var wav = new WavBuilder().Fmt(3, 1, 16_000, 32).Chunk("data", body).Build();
        var (_, actual) = await DecodeAsync(wav);
        Assert.Equal(new[] { 0.5f, 1f, -1f, 0f, 0f, -0.25f }, actual.Select(x => MathF.Round(x, 3)));
    }

    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    public void MuLaw_MatchesG711(byte code, short expected) => Assert.Equal(expected, SampleDecoder.DecodeMuLaw(code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void ALaw_MatchesG711(byte code, short expected) => Assert.Equal(expected, SampleDecoder.DecodeALaw(code));
}
