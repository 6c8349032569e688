using TranscribeBlazor.Audio.Resampling;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Resampling;

[Trait(Category.Name, Category.Unit)]
public sealed class PolyphaseResamplerTests
{
    private static float[] Resample(int from, int to, float[] input, int chunk = 997) => Resample(new PolyphaseResampler(from, to), input, chunk);

    private static float[] Resample(PolyphaseResampler resampler, float[] input, int chunk = 997)
    {
        var output = new List<float>();
        var buffer = new float[resampler.MaxOutputFor(chunk)];
        for (int i = 0; i < input.Length; i += chunk)
        {
            int n = resampler.Process(input.AsSpan(i, Math.Min(chunk, input.Length - i)), buffer);
            output.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        var tail = new float[resampler.MaxOutputFor(0) + 4096];
        output.AddRange(tail.AsSpan(0, resampler.Flush(tail)).ToArray());
        return [.. output];
    }

    private static float[] Tone(double hz, int rate, double seconds, double amplitude = 0.5) =>
        Signals.Tone(hz, rate, seconds, amplitude).Select(s => s / 32767f).ToArray();

    [Theory]
    [InlineData(8_000)]
    [InlineData(11_025)]
    [InlineData(22_050)]
    [InlineData(32_000)]
    [InlineData(44_100)]
    [InlineData(48_000)]
    public void OutputLength_MatchesTheDurationExactly(int rate)
    {
        var output = Resample(rate, 16_000, new float[rate * 2]);
        Assert.Equal(32_000, output.Length);
    }

    [Theory]
    [InlineData(44_100, 100)]
    [InlineData(44_100, 1_000)]
    [InlineData(44_100, 3_400)]
    [InlineData(44_100, 7_000)]
    [InlineData(48_000, 1_000)]
    [InlineData(48_000, 7_000)]
    [InlineData(22_050, 5_000)]
    [InlineData(8_000, 300)]
    [InlineData(8_000, 3_500)]
    public void Passband_IsFlatWithinATenthOfADecibel(int rate, double hz)
    {
        var output = Resample(rate, 16_000, Tone(hz, rate, 1.0));
        double amplitude = Signals.Amplitude(output.AsSpan(1_600, 12_800), hz, 16_000);
        double db = 20 * Math.Log10(amplitude / 0.5);
        Assert.InRange(db, -0.1, 0.1);
    }

    [Theory]
    [InlineData(48_000, 9_000)]
    [InlineData(48_000, 12_000)]
    [InlineData(48_000, 20_000)]
    [InlineData(44_100, 10_000)]
    [InlineData(44_100, 15_000)]
    [InlineData(22_050, 9_500)]
    public void ToneAboveTheNewNyquist_IsRejectedBy70dB(int rate, double hz)
    {
        var output = Resample(rate, 16_000, Tone(hz, rate, 1.0));
        double rms = Signals.Rms(output.AsSpan(1_600, 12_800));
        double db = 20 * Math.Log10(rms / (0.5 / Math.Sqrt(2)));
        Assert.True(db < -70, $"{hz} Hz leaked at {db:0.0} dB");
    }

    [Fact]
    public void Timing_IsPreserved_AClickStaysAtItsTime()
    {
        var input = new float[44_100];
        input[22_050] = 1; // an impulse at 0.5 s
        var output = Resample(44_100, 16_000, input);
        int peak = Array.IndexOf(output, output.Max());
        Assert.InRange(peak, 7_999, 8_001);
    }

    [Fact]
    public void ChunkBoundaries_DoNotChangeTheOutput()
    {
        var input = Tone(1_234, 44_100, 0.5);
        var whole = Resample(44_100, 16_000, input, chunk: input.Length);
        var pieces = Resample(44_100, 16_000, input, chunk: 13);
        Assert.Equal(whole.Length, pieces.Length);
        for (int i = 0; i < whole.Length; i++)
            Assert.Equal(whole[i], pieces[i], 5);
    }

    [Theory]
    [InlineData(44_056)]
    [InlineData(22_254)]
    [InlineData(95_999)]
    public void OddRates_UseInterpolatedPhases_WithBoundedMemory_AndStayAccurate(int rate)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var resampler = new PolyphaseResampler(rate, 16_000);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024, "filter tables must stay small");

        var output = Resample(resampler, Tone(1_000, rate, 1.0)); // the instance measured is the one that must be accurate
        Assert.InRange(output.Length, 15_999, 16_001);
        double db = 20 * Math.Log10(Signals.Amplitude(output.AsSpan(1_600, 12_800), 1_000, 16_000) / 0.5);
        Assert.InRange(db, -0.1, 0.1);

        var alias = Resample(rate, 16_000, Tone(10_500, rate, 1.0));
        Assert.True(20 * Math.Log10(Signals.Rms(alias.AsSpan(1_600, 12_800)) / (0.5 / Math.Sqrt(2))) < -70);
    }
}
