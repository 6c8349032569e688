using System.Text.Json;
using System.Text.Json.Serialization;

namespace TranscribeBlazor.Transcripts;

/// <summary>JSON shape of results on the wire and on the command line (camelCase, as the jsonl asks).</summary>
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
