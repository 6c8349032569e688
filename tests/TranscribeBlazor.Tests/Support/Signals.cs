using System.Runtime.CompilerServices;

namespace TranscribeBlazor.Tests.Support;

public static class Signals
{
    public static short[] Tone(double frequency, int sampleRate, double seconds, double amplitude = 0.5, int channels = 1)
    {
        int frames = (int)(sampleRate * seconds);
        var samples = new short[frames * channels];
        for (int i = 0; i < frames; i++)
        {
            short v = (short)Math.Round(amplitude * 32767 * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
            for (int c = 0; c < channels; c++) samples[i * channels + c] = v;
        }
        return samples;
    }

    /// <summary>Amplitude of <paramref name="frequency"/> in <paramref name="samples"/> (Goertzel), 1.0 = full scale sine.</summary>
    public static double Amplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        double w = 2 * Math.PI * frequency / sampleRate, coeff = 2 * Math.Cos(w), s1 = 0, s2 = 0;
        foreach (float x in samples)
        {
            double s0 = x + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.Sqrt(Math.Max(0, power)) / samples.Length;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float x in samples) sum += x * x;
        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds; past <paramref name="timeout"/> throws a
    /// <see cref="TimeoutException"/> naming the condition, so a wait that never ends fails saying what did not happen.
    /// </summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, [CallerArgumentExpression(nameof(condition))] string what = "") =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, TimeSpan, string)"/>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, [CallerArgumentExpression(nameof(condition))] string what = "")
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Not true after {timeout.TotalSeconds:0.#} s: {what}");
            await Task.Delay(10);
        }
    }
}
