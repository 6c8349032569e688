using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.History;

/// <summary>A finished transcript kept in the browser.</summary>
public sealed record HistoryEntry(string Id, string Name, DateTimeOffset Created, double DurationSeconds, string Engine, IReadOnlyList<TranscriptResult> Results)
{
    /// <summary>The recogniser's results when <see cref="Results"/> are a person's correction of them; null when never corrected.</summary>
    public IReadOnlyList<TranscriptResult>? Original { get; init; }

    /// <summary>The transcript a session shows, as an entry; <paramref name="unnamed"/> names a run without a file name.</summary>
    public static HistoryEntry Of(SessionSnapshot shown, DateTimeOffset created, string unnamed) =>
        new(shown.RunId ?? "", shown.TranscriptName ?? unnamed, created, shown.SecondsProcessed, shown.EngineName ?? "", shown.Transcript.Finals) { Original = shown.OriginalFinals };

    /// <summary>Shows this transcript in <paramref name="session"/> (when nothing runs there); by default the panel says it came from history.</summary>
    public void ShowIn(TranscriptionSession session, string? message = null) =>
        session.Show(Name, Engine, DurationSeconds, Results, message ?? $"From history: {Created.ToLocalTime():yyyy-MM-dd HH:mm}.", Id, Original);

    public HistorySummary Summary(long bytes) => new(Id, Name, Created, DurationSeconds, Engine, bytes);
}
