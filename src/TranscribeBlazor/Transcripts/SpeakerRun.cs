namespace TranscribeBlazor.Transcripts;

/// <summary>A stretch of a segment spoken by one speaker (or by nobody in particular when the engine gives no labels).</summary>
public sealed record SpeakerRun(string? Speaker, IReadOnlyList<TranscriptItem> Items)
{
    /// <summary>"Speaker 1" for the engine's "0" or "spk_0".</summary>
    public string? Label => Speaker is null ? null : SpeakerNames.Display(Speaker);

    /// <summary>The words with punctuation attached to the word before it: "hello there."</summary>
    public string Text => TextOf(Items);

    /// <summary>Items as text: words spaced, each mark attached to the word before it.</summary>
    public static string TextOf(IEnumerable<TranscriptItem> items) => string.Concat(items.Select((item, i) =>
        i == 0 || item.Type == TranscriptItemType.Punctuation ? item.Content : " " + item.Content));
}
