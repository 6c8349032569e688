namespace TranscribeBlazor.Transcripts;

/// <summary>A word (or punctuation mark) with its timing, as in Amazon Transcribe's <c>Item</c>.</summary>
/// <param name="Confidence">0..1 where the engine computed one; null for partial results that have none yet.</param>
/// <param name="Stable">True once the engine will not change this word in later partials.</param>
/// <param name="Speaker">Speaker label ("0", "1", ...) when the engine was asked to tell speakers apart.</param>
/// <param name="Redacted">True when the engine replaced the word (e.g. with "[PII]") or matched a vocabulary filter.</param>
public sealed record TranscriptItem(
    string Content,
    double StartTime,
    double EndTime,
    double? Confidence,
    bool Stable,
    TranscriptItemType Type = TranscriptItemType.Pronunciation,
    string? Speaker = null,
    bool Redacted = false);
