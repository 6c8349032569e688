namespace TranscribeBlazor.Export;

/// <summary>One subtitle: a time range and one or two lines of text.</summary>
public sealed record CaptionCue(double Start, double End, IReadOnlyList<string> Lines, string? Speaker);
