namespace TranscribeBlazor.History;

/// <summary>What the history list shows without loading the transcript.</summary>
public sealed record HistorySummary(string Id, string Name, DateTimeOffset Created, double DurationSeconds, string Engine, long Bytes);
