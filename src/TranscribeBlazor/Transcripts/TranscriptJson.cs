using System.Text.Json;
using System.Text.Json.Serialization;

namespace TranscribeBlazor.Transcripts;

/// <summary>JSON shape of the command line's jsonl output: camelCase names and enum values, nulls left out.</summary>
public static class TranscriptJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One jsonl line: resultId, isPartial, startTime, endTime, transcript, items.</summary>
    public static string ToJsonLine(TranscriptResult result) => JsonSerializer.Serialize(new
    {
        result.ResultId,
        result.IsPartial,
        result.StartTime,
        result.EndTime,
        result.Transcript,
        result.Items,
    }, Options);
}
