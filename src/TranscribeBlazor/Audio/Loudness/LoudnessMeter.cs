namespace TranscribeBlazor.Audio.Loudness;

/// <summary>
/// Measures the audio on its way to the engine: the RMS of each fixed bucket of samples (100 ms by default),
/// for the timeline under the player. Cheap enough for the hot path: a multiply-add per sample and no
/// allocation per chunk (the level array grows by doubling, a handful of times per run). Memory is bounded:
/// once <see cref="MaxBuckets"/> are full, neighbouring buckets are merged in pairs and buckets last twice as long.
/// One thread adds; any thread may take <see cref="Snapshot"/>.
/// </summary>
public sealed class LoudnessMeter
{
    public const double DefaultBucketSeconds = 0.1;

    /// <summary>4 h (the longest recording accepted by default) of 100 ms buckets: 144,000 floats, 576 KB.</summary>
    public const int DefaultMaxBuckets = 144_000;

    // 4,096 buckets of 100 ms cover the first 6.8 minutes before the array first grows (16 KB).
    private const int InitialCapacity = 4096;

    private readonly Lock _gate = new();
    private readonly int _maxBuckets;
    private float[] _levels;
    private int _count;
    private long _samplesPerBucket;
    private double _bucketSeconds;
    private double _sumOfSquares;
    private long _samplesInBucket;

    public LoudnessMeter(int sampleRate, double bucketSeconds = DefaultBucketSeconds, int maxBuckets = DefaultMaxBuckets)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuckets, 2);
        if (maxBuckets % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(maxBuckets), maxBuckets, "Buckets are merged in pairs: an even number is needed.");
        _samplesPerBucket = Math.Max(1, (long)Math.Round(sampleRate * bucketSeconds));
        _bucketSeconds = (double)_samplesPerBucket / sampleRate;
        _maxBuckets = maxBuckets;
        _levels = new float[Math.Min(InitialCapacity, maxBuckets)];
    }

    public int MaxBuckets => _maxBuckets;

    /// <summary>Adds one chunk of 16-bit samples (any length; buckets span chunks).</summary>
    public void Add(ReadOnlySpan<short> samples)
    {
        while (!samples.IsEmpty)
        {
            int take = (int)Math.Min(samples.Length, _samplesPerBucket - _samplesInBucket);
            double sum = 0;
            foreach (short s in samples[..take])
                sum += s * s;
            _sumOfSquares += sum;
            _samplesInBucket += take;
            samples = samples[take..];
            if (_samplesInBucket == _samplesPerBucket)
                CloseBucket();
        }
    }

    /// <summary>The audio ended: the samples of an unfinished bucket become its last level.</summary>
    public void Flush()
    {
        if (_samplesInBucket > 0)
            CloseBucket();
    }

    /// <summary>The levels so far; cheap (no copy), safe to keep while the meter goes on.</summary>
    public LoudnessEnvelope Snapshot()
    {
        lock (_gate)
            return new LoudnessEnvelope(_levels, _count, _bucketSeconds);
    }

    private void CloseBucket()
    {
        // Full scale is 32768: a full-scale square wave reads 1.0, a full-scale sine 0.707.
        float level = (float)(Math.Sqrt(_sumOfSquares / _samplesInBucket) / 32768.0);
        _sumOfSquares = 0;
        _samplesInBucket = 0;
        lock (_gate)
        {
            if (_count == _levels.Length)
                Array.Resize(ref _levels, Math.Min(_levels.Length * 2, _maxBuckets)); // a new array: snapshots keep the old one
            _levels[_count++] = level;
            if (_count == _maxBuckets)
                Coarsen(); // between buckets, so the next one is measured at the new length
        }
    }

    /// <summary>Merges buckets in pairs (RMS of the pair) into a new array, so snapshots already taken stay as they were.</summary>
    private void Coarsen()
    {
        var merged = new float[_maxBuckets];
        int pairs = _count / 2; // _count is the even maximum
        for (int i = 0; i < pairs; i++)
        {
            float a = _levels[2 * i], b = _levels[2 * i + 1];
            merged[i] = MathF.Sqrt((a * a + b * b) / 2);
        }
        _levels = merged;
        _count = pairs;
        _samplesPerBucket *= 2;
        _bucketSeconds *= 2;
    }
}
