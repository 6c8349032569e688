using System.Text.RegularExpressions;
using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Components.Timeline;
using TranscribeBlazor.Transcripts;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Components.Timeline;

[Trait(Category.Name, Category.Unit)]
public sealed partial class TimelineLayoutTests
{
    /// <summary>An envelope of <paramref name="seconds"/> at 100 ms buckets, each bucket's level from <paramref name="level"/>.</summary>
    private static LoudnessEnvelope Envelope(double seconds, Func<int, short> level)
    {
        var meter = new LoudnessMeter(16_000);
        var bucket = new short[1600];
        for (int i = 0; i < (int)Math.Round(seconds * 10); i++)
        {
            // A square wave at ±level reads exactly level / 32768.
            short v = level(i);
            for (int s = 0; s < bucket.Length; s++) bucket[s] = (short)(s % 2 == 0 ? v : -v);
            meter.Add(bucket);
        }
        return meter.Snapshot();
    }

    private static TranscriptResult Word(string id, double start, double end, double confidence) =>
        new(id, start, end, false, [TranscriptAlternative.FromItems([new TranscriptItem(id, start, end, confidence, true)])]);

    /// <summary>The x of every vertex the path visits (its H commands, and the M).</summary>
    private static int[] Xs(string path) => [0, .. Horizontal().Matches(path).Select(m => int.Parse(m.Groups[1].Value))];

    [GeneratedRegex(@"H(\d+)")]
    private static partial Regex Horizontal();

    [Fact]
    public void TwoHoursOfLoudness_DrawAsOnePathOfAFixedNumberOfColumns()
    {
        var loudness = Envelope(2 * 3600, i => (short)(i % 50 < 25 ? 8000 : 0)); // 72,000 buckets
        var layout = TimelineLayout.Of(loudness, [], 2 * 3600);

        Assert.Equal(TimelineLayout.DefaultColumns, layout.Columns);
        Assert.Equal(12, layout.SecondsPerColumn, 9);
        Assert.StartsWith("M0 ", layout.EnvelopePath);
        Assert.EndsWith("Z", layout.EnvelopePath);
        Assert.Equal(2 * TimelineLayout.DefaultColumns, Horizontal().Matches(layout.EnvelopePath).Count); // along the top and back along the bottom
        Assert.Equal(TimelineLayout.DefaultColumns, Xs(layout.EnvelopePath).Max());
        Assert.True(layout.EnvelopePath.Length < 20_000, $"{layout.EnvelopePath.Length} characters");
    }

    [Fact]
    public void TheLoudestColumnFillsTheBand_AndSilenceIsAHairline()
    {
        // 10 s over 10 columns: the first 5 s loud, the rest silent.
        var loudness = Envelope(10, i => (short)(i < 50 ? 16000 : 0));
        var layout = TimelineLayout.Of(loudness, [], 10, columns: 10);

        var ys = Regex.Matches(layout.EnvelopePath, @"V([\d.]+)").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Contains(0.0, ys); // the top of the band
        Assert.Contains(TimelineLayout.EnvelopeHeight, ys); // its bottom
        Assert.Contains(TimelineLayout.EnvelopeHeight / 2 - 0.5, ys); // silence: half a unit either side of the middle
    }

    [Fact]
    public void AFileStillBeingRead_DrawsOnlyAsFarAsItsAudioGoes()
    {
        var loudness = Envelope(60, _ => 4000);
        var layout = TimelineLayout.Of(loudness, [], 600); // 1 min read of 10 min

        Assert.Equal(60, Xs(layout.EnvelopePath).Max()); // a tenth of 600 columns
    }

    [Fact]
    public void Segments_ArePlacedByTime_AndNeighboursInOneColumnMerge()
    {
        // 100 s over 100 columns: 1 s a column.
        TranscriptResult[] finals =
        [
            Result("a", "one two", partial: false, start: 10, end: 20),
            Result("b", "three", partial: false, start: 20.2, end: 25), // starts in the column "a" ends in: merged
            Result("c", "four", partial: false, start: 50, end: 50.5),   // shorter than a column: still one column
        ];
        var layout = TimelineLayout.Of(null, finals, 100, columns: 100);

        Assert.Equal([new TimelineSpan(10, 15), new TimelineSpan(50, 1)], layout.Segments);
        Assert.Equal(3, layout.SegmentCount);
        Assert.Equal("", layout.EnvelopePath); // no audio measured (a transcript from history)
    }

    [Fact]
    public void ThousandsOfSegments_StayWithinTheColumns()
    {
        // Two hours of 2 s segments with 1 s gaps: 2,400 finals, at most one rect for every other column.
        var finals = Enumerable.Range(0, 2400).Select(i => Result($"r{i}", "word", partial: false, start: i * 3, end: i * 3 + 2)).ToArray();
        var layout = TimelineLayout.Of(null, finals, 7200);

        Assert.InRange(layout.Segments.Count, 1, TimelineLayout.DefaultColumns / 2 + 1);
        Assert.Equal(2400, layout.SegmentCount);
    }

    [Fact]
    public void DoubtfulWords_AreMarkedInTheirColumn_AndMergedPerColumn()
    {
        TranscriptResult[] finals =
        [
            Word("sure", 1.0, 1.4, 0.95),
            Word("many", 30.1, 30.3, 0.2),
            Word("watts", 30.4, 30.8, 0.3),  // same column as "many": one mark
            Word("than", 31.2, 31.5, 0.4),   // the next column: merged into the same run
            Word("he", 70.0, 70.2, 0.45),
        ];
        var layout = TimelineLayout.Of(null, finals, 100, columns: 100);

        Assert.Equal([new TimelineSpan(30, 2), new TimelineSpan(70, 1)], layout.Doubtful);
        Assert.Equal(4, layout.DoubtfulWords);
    }

    [Fact]
    public void Positions_MapToSecondsAndBack_ClampedToTheRecording()
    {
        var layout = TimelineLayout.Of(null, [Result("a", "hi", partial: false, start: 0, end: 1)], 7200);

        Assert.Equal(1800, layout.SecondsAt(0.25), 9);
        Assert.Equal(7200, layout.SecondsAt(1.5), 9);
        Assert.Equal(0.5, layout.FractionOf(3600), 9);
        Assert.Equal(0, layout.FractionOf(-3), 9);
    }

    [Fact]
    public void TheLengthCoversWhatWasRead_WhenTheFileDidNotSay()
    {
        var layout = TimelineLayout.Of(Envelope(30, _ => 1000), [Result("a", "late", partial: false, start: 40, end: 42)], totalSeconds: 0);

        Assert.Equal(42, layout.TotalSeconds, 9);
    }
}
