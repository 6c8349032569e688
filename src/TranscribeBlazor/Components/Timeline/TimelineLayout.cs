using System.Globalization;
using System.Text;
using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Components.Timeline;

/// <summary>
/// The picture of a recording, laid out once per change of its inputs: the loudness as one SVG path over a fixed
/// number of columns, the finals as merged column runs, the doubtful words as merged column marks. However long the
/// recording, the markup stays the same size (at most <see cref="Columns"/> points and rects), so a 2-hour file
/// draws as fast as a 2-minute one. Coordinates are in a viewBox <see cref="Columns"/> wide and <see cref="Height"/> high.
/// </summary>
public sealed class TimelineLayout
{
    /// <summary>600 columns: finer than a 2 h file's 12 s per column needs on a phone, coarser than any screen's pixels.</summary>
    public const int DefaultColumns = 600;

    /// <summary>The loudness band's height; the segment strip and the doubtful-word marks sit below it.</summary>
    public const double EnvelopeHeight = 40;

    public const double SegmentTop = 42, SegmentHeight = 6;
    public const double MarkTop = 49, MarkHeight = 5;
    public const double Height = 54;

    /// <summary>
    /// Levels are drawn in decibels below the loudest column, over 48 dB: speech fills the band, pauses in a
    /// quiet room (40–50 dB below speech) lie flat, and quiet speech is not squashed as it is on a linear scale.
    /// </summary>
    public const double DecibelRange = 48;

    private TimelineLayout(int columns, double totalSeconds, string envelopePath, IReadOnlyList<TimelineSpan> segments, IReadOnlyList<TimelineSpan> doubtful, int segmentCount, int doubtfulWords)
    {
        Columns = columns;
        TotalSeconds = totalSeconds;
        EnvelopePath = envelopePath;
        Segments = segments;
        Doubtful = doubtful;
        SegmentCount = segmentCount;
        DoubtfulWords = doubtfulWords;
    }

    public int Columns { get; }

    /// <summary>The length the timeline's width stands for.</summary>
    public double TotalSeconds { get; }

    /// <summary>The loudness envelope as one closed SVG path, mirrored about the band's middle; empty when there are no levels.</summary>
    public string EnvelopePath { get; }

    /// <summary>Column runs covered by a final segment (neighbouring segments merged).</summary>
    public IReadOnlyList<TimelineSpan> Segments { get; }

    /// <summary>Column runs holding a word below <see cref="WordFormat.LowConfidence"/> (neighbours merged).</summary>
    public IReadOnlyList<TimelineSpan> Doubtful { get; }

    /// <summary>Finals laid out (before merging), for the text alternative.</summary>
    public int SegmentCount { get; }

    /// <summary>Words below <see cref="WordFormat.LowConfidence"/>, for the text alternative.</summary>
    public int DoubtfulWords { get; }

    public double SecondsPerColumn => TotalSeconds / Columns;

    /// <param name="totalSeconds">The recording's length (the player's, or the file's); the levels and finals read so far are laid against it.</param>
    public static TimelineLayout Of(LoudnessEnvelope? loudness, IReadOnlyList<TranscriptResult> finals, double totalSeconds, int columns = DefaultColumns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        double total = Math.Max(totalSeconds, Math.Max(loudness?.Seconds ?? 0, finals.Count > 0 ? finals.Max(f => f.EndTime) : 0));
        if (total <= 0)
            return new TimelineLayout(columns, 0, "", [], [], 0, 0);

        var segments = new SpanBuilder(columns);
        var doubtful = new SpanBuilder(columns);
        int doubtfulWords = 0;
        foreach (var final in finals)
        {
            segments.Add(Column(final.StartTime, total, columns), Column(Math.Max(final.StartTime, final.EndTime - 1e-9), total, columns));
            foreach (var item in final.Items)
            {
                if (item.Type != TranscriptItemType.Pronunciation || item.Confidence is not < WordFormat.LowConfidence) continue;
                doubtfulWords++;
                int column = Column((item.StartTime + item.EndTime) / 2, total, columns);
                doubtful.Add(column, column);
            }
        }
        string path = loudness is { Count: > 0 } ? EnvelopeOf(loudness, total, columns) : "";
        return new TimelineLayout(columns, total, path, segments.Spans, doubtful.Spans, finals.Count, doubtfulWords);
    }

    /// <summary>The second a point <paramref name="fraction"/> of the way along stands for.</summary>
    public double SecondsAt(double fraction) => Math.Clamp(fraction, 0, 1) * TotalSeconds;

    /// <summary>How far along (0..1) <paramref name="seconds"/> is.</summary>
    public double FractionOf(double seconds) => TotalSeconds > 0 ? Math.Clamp(seconds / TotalSeconds, 0, 1) : 0;

    private static int Column(double seconds, double total, int columns) =>
        Math.Clamp((int)(seconds / total * columns), 0, columns - 1);

    /// <summary>The loudest bucket in each column (a short loud word is not averaged away), in decibels, as a mirrored band.</summary>
    private static string EnvelopeOf(LoudnessEnvelope loudness, double total, int columns)
    {
        var levels = loudness.Levels;
        // Only the columns the audio read so far reaches: a file still being transcribed grows from the left.
        int drawn = Math.Clamp((int)Math.Ceiling(loudness.Seconds / total * columns), 1, columns);
        var peaks = new float[drawn];
        for (int i = 0; i < levels.Length; i++)
        {
            int column = Column((i + 0.5) * loudness.BucketSeconds, total, columns);
            if (column < drawn && levels[i] > peaks[column]) peaks[column] = levels[i];
        }
        float loudest = 0;
        foreach (float p in peaks) loudest = Math.Max(loudest, p);

        double middle = EnvelopeHeight / 2;
        var half = new double[drawn];
        for (int c = 0; c < drawn; c++)
        {
            double db = loudest > 0 && peaks[c] > 0 ? 20 * Math.Log10(peaks[c] / loudest) : -DecibelRange;
            // At least a hairline, so silence still reads as "audio here, quiet".
            half[c] = Math.Max(0.5, (1 + Math.Max(db, -DecibelRange) / DecibelRange) * middle);
        }

        var path = new StringBuilder(drawn * 24);
        path.Append("M0 ").Append(F(middle - half[0]));
        for (int c = 0; c < drawn; c++)
            path.Append('H').Append(c + 1).Append('V').Append(F(middle - half[Math.Min(c + 1, drawn - 1)]));
        path.Append('V').Append(F(middle + half[drawn - 1]));
        for (int c = drawn - 1; c >= 0; c--)
            path.Append('H').Append(c).Append('V').Append(F(middle + half[Math.Max(c - 1, 0)]));
        return path.Append('Z').ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Collects column runs from ranges added in any order; touching or overlapping runs merge.</summary>
    private sealed class SpanBuilder(int columns)
    {
        private readonly bool[] _covered = new bool[columns];
        private bool _any;

        public void Add(int first, int last)
        {
            for (int c = first; c <= last; c++) _covered[c] = true;
            _any = true;
        }

        public IReadOnlyList<TimelineSpan> Spans
        {
            get
            {
                if (!_any) return [];
                var spans = new List<TimelineSpan>();
                for (int c = 0; c < _covered.Length; c++)
                {
                    if (!_covered[c]) continue;
                    int start = c;
                    while (c + 1 < _covered.Length && _covered[c + 1]) c++;
                    spans.Add(new TimelineSpan(start, c - start + 1));
                }
                return spans;
            }
        }
    }
}
