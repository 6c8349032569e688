using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Export;

/// <summary>A small transcript with the cases exporters must get right.</summary>
public static class ExportSamples
{
    private static TranscriptItem W(string word, double start, double end, string? speaker = null, bool redacted = false) =>
        new(word, start, end, 0.9, true, TranscriptItemType.Pronunciation, speaker, redacted);

    private static TranscriptItem P(string mark, double at) => new(mark, at, at, null, true, TranscriptItemType.Punctuation);

    private static TranscriptResult R(string id, params TranscriptItem[] items) =>
        new(id, items[0].StartTime, items[^1].EndTime, false, [TranscriptAlternative.FromItems(items)]);

    /// <summary>Short; long enough to need two cues; a speaker change inside a result; punctuation and a redaction.</summary>
    public static IReadOnlyList<TranscriptResult> Conversation { get; } =
    [
        R("r1", W("hello", 0.5, 0.9, "0"), W("there", 0.95, 1.3, "0"), P(".", 1.3)),
        R("r2",
            W("and", 2.0, 2.2, "0"), W("mister", 2.2, 2.5, "0"), W("[PII]", 2.5, 3.0, "0", redacted: true), W("had", 3.0, 3.2, "0"),
            W("then", 3.2, 3.5, "0"), W("leisure", 3.6, 4.0, "0"), W("to", 4.0, 4.1, "0"), W("consider", 4.1, 4.6, "0"),
            W("how", 4.6, 4.8, "0"), W("much", 4.8, 5.0, "0"), W("there", 5.0, 5.2, "0"), W("might", 5.2, 5.4, "0"),
            W("be", 5.4, 5.5, "0"), W("prudently", 5.5, 6.1, "0"), W("in", 6.1, 6.2, "0"), W("his", 6.2, 6.4, "0"),
            W("power", 6.4, 6.8, "0"), W("to", 6.8, 6.9, "0"), W("do", 6.9, 7.1, "0"), W("for", 7.1, 7.3, "0"), W("them", 7.3, 7.7, "0"), P(".", 7.7),
            W("yes", 8.0, 8.4, "1"), P("!", 8.4)),
        R("r3", W("a", 3_725.0, 3_725.2), W("<tag>", 3_725.2, 3_725.9)),
    ];
}
