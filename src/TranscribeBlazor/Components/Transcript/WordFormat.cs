using System.Globalization;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Components.Transcript;

/// <summary>How a final word is marked up: its classes, its tooltip, its time attributes.</summary>
public static class WordFormat
{
    /// <summary>Below this the word is shown as doubtful.</summary>
    public const double LowConfidence = 0.5;

    public static string CssClass(TranscriptItem item, bool current, bool redacted) =>
        string.Join(' ', new[]
        {
            "word",
            redacted ? "redacted" : null,
            item.Confidence is < LowConfidence ? "low-confidence" : null,
            current ? "current" : null,
        }.Where(c => c is not null));

    /// <summary>"0:03.2 – 0:03.6 · confidence 92 %".</summary>
    public static string Title(TranscriptItem item)
    {
        string range = TranscriptFormat.Range(item.StartTime, item.EndTime);
        return item.Confidence is double c
            ? $"{range} · confidence {Math.Round(c * 100).ToString(CultureInfo.InvariantCulture)} %"
            : range;
    }

    public static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
