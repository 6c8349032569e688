namespace TranscribeBlazor.Audio.Microphone;

/// <summary>The loudness a level meter shows: the peak of a stretch of audio on a decibel scale.</summary>
public static class AudioLevel
{
    /// <summary>Quieter than this shows as an empty meter: a room's hiss should barely move it.</summary>
    public const double FloorDecibels = -60;

    /// <summary>0 (at or below <see cref="FloorDecibels"/> dBFS) to 1 (full scale).</summary>
    public static double Of(ReadOnlySpan<short> samples)
    {
        int peak = 0;
        foreach (short s in samples)
            peak = Math.Max(peak, Math.Abs((int)s));
        if (peak == 0) return 0;
        double decibels = 20 * Math.Log10(peak / 32768.0);
        return Math.Clamp((decibels - FloorDecibels) / -FloorDecibels, 0, 1);
    }
}
