using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Loudness;

[Trait(Category.Name, Category.Unit)]
public sealed class LoudnessMeterTests
{
    private const int Rate = 16_000;

    /// <summary>Feeds <paramref name="samples"/> in chunks of <paramref name="chunk"/>, not aligned with the 1,600-sample buckets.</summary>
    private static void Feed(LoudnessMeter meter, short[] samples, int chunk = 1234)
    {
        for (int i = 0; i < samples.Length; i += chunk)
            meter.Add(samples.AsSpan(i, Math.Min(chunk, samples.Length - i)));
    }

    [Fact]
    public void AToneOfHalfFullScale_ReadsItsRms_InEveryBucket()
    {
        var meter = new LoudnessMeter(Rate);
        Feed(meter, Signals.Tone(440, Rate, 1.0, amplitude: 0.5));

        var envelope = meter.Snapshot();
        Assert.Equal(10, envelope.Count);
        Assert.Equal(0.1, envelope.BucketSeconds, 9);
        foreach (float level in envelope.Levels)
            Assert.Equal(0.5 / Math.Sqrt(2), level, 0.002); // a sine's RMS is its amplitude / √2
    }

    [Fact]
    public void Buckets_StartAtTheirTimes_AcrossChunkBoundaries()
    {
        var meter = new LoudnessMeter(Rate);
        // 0.5 s of silence, then 0.3 s of tone, then 0.2 s of silence.
        short[] audio = [.. new short[Rate / 2], .. Signals.Tone(440, Rate, 0.3, amplitude: 0.8), .. new short[Rate / 5]];
        Feed(meter, audio, chunk: 777);

        var levels = meter.Snapshot().Levels.ToArray();
        Assert.Equal(10, levels.Length);
        Assert.All(levels[..5], l => Assert.Equal(0, l));
        Assert.All(levels[5..8], l => Assert.InRange(l, 0.55, 0.58)); // 0.8 / √2 = 0.566
        Assert.All(levels[8..], l => Assert.Equal(0, l));
    }

    [Fact]
    public void Flush_MakesTheUnfinishedLastBucketALevel()
    {
        var meter = new LoudnessMeter(Rate);
        Feed(meter, Signals.Tone(440, Rate, 0.25, amplitude: 0.5));
        Assert.Equal(2, meter.Snapshot().Count);

        meter.Flush();
        var envelope = meter.Snapshot();
        Assert.Equal(3, envelope.Count);
        Assert.Equal(0.354, envelope.Levels[2], 0.01);
        meter.Flush();
        Assert.Equal(3, meter.Snapshot().Count); // nothing left to flush
    }

    [Fact]
    public void ASnapshot_StaysAsItWas_WhileTheMeterGoesOn_PastGrowingAndMerging()
    {
        var meter = new LoudnessMeter(Rate, maxBuckets: 8);
        Feed(meter, Signals.Tone(440, Rate, 0.4, amplitude: 0.5));
        var early = meter.Snapshot();
        float[] before = early.Levels.ToArray();

        Feed(meter, new short[Rate * 2]); // silence: more buckets, then merged
        Assert.Equal(before, early.Levels.ToArray());
        Assert.Equal(4, early.Count);
    }

    [Fact]
    public void PastItsCap_BucketsMergeInPairs_KeepingTimeAndLoudness()
    {
        var meter = new LoudnessMeter(Rate, maxBuckets: 8);
        // 0.8 s of tone fills the 8 buckets, which merge into 4 of 0.2 s; 0.6 s of silence adds 3 more.
        Feed(meter, Signals.Tone(440, Rate, 0.8, amplitude: 0.5));
        Feed(meter, new short[Rate * 6 / 10]);

        var envelope = meter.Snapshot();
        Assert.Equal(0.2, envelope.BucketSeconds, 9);
        Assert.Equal(7, envelope.Count);
        Assert.Equal(1.4, envelope.Seconds, 9);
        Assert.All(envelope.Levels[..4].ToArray(), l => Assert.Equal(0.354, l, 0.005)); // RMS of two equal levels is that level
        Assert.All(envelope.Levels[4..].ToArray(), l => Assert.Equal(0, l));

        Feed(meter, new short[Rate / 5]); // the 8th bucket: merged again, into 4 of 0.4 s
        Assert.Equal(0.4, meter.Snapshot().BucketSeconds, 9);
        Assert.Equal(4, meter.Snapshot().Count);
    }

    [Fact]
    public void FiveHoursOfAudio_StayWithinTheCapOf144000Floats()
    {
        var meter = new LoudnessMeter(Rate);
        var chunk = Signals.Tone(440, Rate, 0.1, amplitude: 0.25); // the readers' 100 ms chunks
        int chunks = 5 * 3600 * 10;
        for (int i = 0; i < chunks; i++)
            meter.Add(chunk);

        var envelope = meter.Snapshot();
        Assert.True(envelope.Count <= LoudnessMeter.DefaultMaxBuckets, $"{envelope.Count} buckets");
        Assert.Equal(0.2, envelope.BucketSeconds, 9); // past 4 h, once merged
        Assert.Equal(5 * 3600, envelope.Seconds, 6);
        Assert.Equal(0.25 / Math.Sqrt(2), envelope.Levels[^1], 0.002);
    }

    [Fact]
    public void AddingAChunk_AllocatesNothing()
    {
        var meter = new LoudnessMeter(Rate);
        var chunk = Signals.Tone(440, Rate, 0.1);
        meter.Add(chunk);
        meter.Snapshot();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 600; i++) // a minute of audio: 600 buckets, within the first array of 4,096
            meter.Add(chunk);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(601, meter.Snapshot().Count);
    }

    [Fact]
    public void AnOddCap_IsRefused_BecauseBucketsMergeInPairs() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoudnessMeter(Rate, maxBuckets: 7));
}
