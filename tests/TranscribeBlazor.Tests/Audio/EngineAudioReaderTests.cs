using TranscribeBlazor.Audio;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio;

[Trait(Category.Name, Category.Unit)]
public sealed class EngineAudioReaderTests
{
    private static async Task<short[]> ReadAsync(byte[] wav)
    {
        await using var reader = await EngineAudioReader.OpenAsync(new TrickleStream(wav, 4_096), 16_000, AudioInputOptions.Default);
        var samples = new List<short>();
        await foreach (var chunk in reader.ReadChunksAsync())
        {
            Assert.InRange(chunk.Length, 1, 16_000 / 5); // ~100 ms chunks, never the whole file at once
            samples.AddRange(chunk.ToArray());
        }
        return [.. samples];
    }

    [Theory]
    [InlineData(8_000, 1)]
    [InlineData(22_050, 1)]
    [InlineData(44_100, 2)]
    [InlineData(48_000, 2)]
    public async Task AnyRateAndLayout_BecomesSixteenKilohertzMono_OfTheSameDuration(int rate, int channels)
    {
        var wav = WavBuilder.Pcm16(Signals.Tone(440, rate, 1.5, channels: channels), rate, channels);
        var samples = await ReadAsync(wav);
        Assert.Equal(24_000, samples.Length);
        double amplitude = Signals.Amplitude(samples.Skip(1_600).Take(16_000).Select(s => s / 32767f).ToArray(), 440, 16_000);
        Assert.InRange(amplitude, 0.49, 0.51);
    }

    [Fact]
    public async Task Stereo_IsDownmixedByAveraging()
    {
        // Left +8000, right -2000 → mono +3000; 16 kHz so no filtering blurs the values.
        var frames = Enumerable.Range(0, 1_600).SelectMany(_ => new short[] { 8_000, -2_000 }).ToArray();
        var samples = await ReadAsync(WavBuilder.Pcm16(frames, 16_000, 2));
        Assert.Equal(1_600, samples.Length);
        Assert.All(samples, s => Assert.Equal(3_000, s));
    }

    [Fact]
    public async Task FullScaleInput_IsNotWrappedAround()
    {
        var frames = Enumerable.Repeat(short.MaxValue, 4_410).Concat(Enumerable.Repeat(short.MinValue, 4_410)).ToArray();
        var samples = await ReadAsync(WavBuilder.Pcm16(frames, 44_100, 1));
        // Ringing at the step may overshoot; it must clip, never flip sign.
        Assert.All(samples.Skip(200).Take(1_000), s => Assert.True(s > 30_000));
        Assert.All(samples.Skip(1_800).Take(1_000), s => Assert.True(s < -30_000));
    }
}
