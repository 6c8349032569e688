namespace TranscribeBlazor.Transcripts;

/// <summary>
/// One recognition result, shaped like Amazon Transcribe's <c>Result</c> so that every engine emits
/// the same events: a partial result is replaced by the next result with the same <see cref="ResultId"/>
/// until a result with <see cref="IsPartial"/> = false settles it.
/// </summary>
/// <param name="StartTime">Seconds from the start of the audio.</param>
/// <param name="EndTime">Seconds from the start of the audio.</param>
/// <param name="ChannelId">"ch_0", "ch_1" when channels are transcribed separately; null otherwise.</param>
/// <param name="LanguageCode">The language the engine recognised, when it identified it.</param>
public sealed record TranscriptResult(
    string ResultId,
    double StartTime,
    double EndTime,
    bool IsPartial,
    IReadOnlyList<TranscriptAlternative> Alternatives,
    string? ChannelId = null,
    string? LanguageCode = null)
{
    /// <summary>The best alternative's text, or empty when the engine heard nothing it could name.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Transcript => Alternatives.Count > 0 ? Alternatives[0].Transcript : string.Empty;

    /// <summary>The best alternative's items (words and punctuation).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<TranscriptItem> Items => Alternatives.Count > 0 ? Alternatives[0].Items : [];

    /// <summary>The best alternative's spoken words (punctuation not counted): the panel, player and find number words in reading order over the finals.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int WordCount => Items.Count(i => i.Type == TranscriptItemType.Pronunciation);
}
