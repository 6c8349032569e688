namespace TranscribeBlazor.Audio.Loudness;

/// <summary>
/// How loud the recording is over time, as far as it has been read: one RMS level (0 = silence, 1 = a full-scale
/// square wave) per bucket of <see cref="BucketSeconds"/>, from the start of the audio. Immutable: the meter only
/// ever writes past <see cref="Count"/> in the array it shares, or into a new array.
/// </summary>
public sealed class LoudnessEnvelope
{
    private readonly float[] _levels;

    internal LoudnessEnvelope(float[] levels, int count, double bucketSeconds)
    {
        _levels = levels;
        Count = count;
        BucketSeconds = bucketSeconds;
    }

    public static LoudnessEnvelope Empty { get; } = new([], 0, LoudnessMeter.DefaultBucketSeconds);

    public int Count { get; }

    public double BucketSeconds { get; }

    /// <summary>Seconds of audio the levels cover.</summary>
    public double Seconds => Count * BucketSeconds;

    public ReadOnlySpan<float> Levels => _levels.AsSpan(0, Count);
}
