namespace TranscribeBlazor.Transcripts;

/// <summary>A word (or punctuation mark) with its timing, as in Amazon Transcribe's <c>Item</c>.</summary>
/// <param name="Confidence">0..1 where the engine computed one; null for partial results that have none yet.</param>
/// <param name="Stable">True once the engine will not change this word in later partials.</param>
public sealed record TranscriptItem(
    string Content,
    double StartTime,
    double EndTime,
    double? Confidence,
    bool Stable,
    TranscriptItemType Type = TranscriptItemType.Pronunciation);

public enum TranscriptItemType
{
    Pronunciation,
    Punctuation,
}
