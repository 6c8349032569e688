using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.History;

/// <summary>A finished transcript kept in the browser.</summary>
public sealed record HistoryEntry(string Id, string Name, DateTimeOffset Created, double DurationSeconds, string Engine, IReadOnlyList<TranscriptResult> Results)
{
    /// <summary>The transcript a session shows, as an entry; <paramref name="unnamed"/> names a run without a file name.</summary>
    public static HistoryEntry Of(Sessions.SessionSnapshot shown, DateTimeOffset created, string unnamed) =>
        new(shown.RunId ?? "", shown.FileName ?? unnamed, created, shown.SecondsProcessed, shown.EngineName ?? "", shown.Transcript.Finals);

    public HistorySummary Summary(long bytes) => new(Id, Name, Created, DurationSeconds, Engine, bytes);
}
