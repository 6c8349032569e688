using System.Text.Json;
using System.Text.Json.Serialization;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>Amazon Transcribe's TranscriptEvent JSON → our transcript model (which has the same shape).</summary>
public static class TranscriptEventMapper
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <param name="shift">Maps the service's clock to the file's (silence we inserted is taken out).</param>
    public static IReadOnlyList<TranscriptResult> Map(string json, Func<double, double>? shift = null)
    {
        shift ??= static t => t;
        var envelope = JsonSerializer.Deserialize<Envelope>(json, Json);
        var results = envelope?.Transcript?.Results ?? [];
        return results.Select(r => new TranscriptResult(
            r.ResultId ?? "",
            shift(r.StartTime),
            shift(r.EndTime),
            r.IsPartial,
            (r.Alternatives ?? []).Select(a => new TranscriptAlternative(
                a.Transcript ?? "",
                (a.Items ?? []).Select(i => new TranscriptItem(
                    i.Content ?? "",
                    shift(i.StartTime),
                    shift(i.EndTime),
                    i.Confidence,
                    i.Stable ?? !r.IsPartial,
                    string.Equals(i.Type, "punctuation", StringComparison.OrdinalIgnoreCase) ? TranscriptItemType.Punctuation : TranscriptItemType.Pronunciation,
                    i.Speaker,
                    i.VocabularyFilterMatch || (i.Content?.StartsWith('[') == true && i.Content.EndsWith(']')))).ToList())).ToList(),
            r.ChannelId,
            r.LanguageCode)).ToList();
    }

    private sealed record Envelope(TranscriptBody? Transcript);

    private sealed record TranscriptBody(List<ResultDto>? Results);

    private sealed record ResultDto(
        string? ResultId, double StartTime, double EndTime, bool IsPartial, List<AlternativeDto>? Alternatives,
        string? ChannelId, string? LanguageCode);

    private sealed record AlternativeDto(string? Transcript, List<ItemDto>? Items);

    private sealed record ItemDto(
        string? Content, double StartTime, double EndTime, string? Type, double? Confidence, bool? Stable,
        string? Speaker, bool VocabularyFilterMatch);
}
