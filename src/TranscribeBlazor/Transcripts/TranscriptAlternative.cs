namespace TranscribeBlazor.Transcripts;

/// <summary>One hypothesis for a result, as in Amazon Transcribe's <c>Alternative</c>.</summary>
public sealed record TranscriptAlternative(string Transcript, IReadOnlyList<TranscriptItem> Items)
{
    public static TranscriptAlternative FromItems(IReadOnlyList<TranscriptItem> items) =>
        new(string.Join(' ', items.Where(i => i.Type == TranscriptItemType.Pronunciation).Select(i => i.Content)), items);
}
