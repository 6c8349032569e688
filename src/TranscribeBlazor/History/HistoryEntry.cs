using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.History;

/// <summary>A finished transcript kept in the browser.</summary>
public sealed record HistoryEntry(string Id, string Name, DateTimeOffset Created, double DurationSeconds, string Engine, IReadOnlyList<TranscriptResult> Results)
{
    public HistorySummary Summary(long bytes) => new(Id, Name, Created, DurationSeconds, Engine, bytes);
}

/// <summary>What the history list shows without loading the transcript.</summary>
public sealed record HistorySummary(string Id, string Name, DateTimeOffset Created, double DurationSeconds, string Engine, long Bytes);
