using System.Text.Json;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Api;

/// <summary>
/// The lines of an <c>application/x-ndjson</c> response: results in the command line's jsonl shape
/// (resultId, isPartial, startTime, endTime, transcript, items), the queue place while a run waits for a
/// recogniser (<c>queuePlace</c>), and one closing line with the <c>outcome</c>.
/// </summary>
internal static class ApiEvents
{
    public static string Result(TranscriptResult result) => TranscriptJson.ToJsonLine(result);

    public static string QueuePlace(Engines.QueuePlace place) => JsonSerializer.Serialize(new { queuePlace = place.Place, message = SessionMessages.QueuePlace(place) }, TranscriptJson.Options);

    /// <param name="finals">How many final results the run produced (none: "no speech" is said).</param>
    public static string Outcome(RunEnd end, int finals, double secondsProcessed) => JsonSerializer.Serialize(new
    {
        outcome = end.Kind.ToString().ToLowerInvariant(),
        message = end.Message.Length > 0 ? end.Message : end.Kind == RunEndKind.Done && finals == 0 ? SessionMessages.NoSpeech : null,
        notices = end.Notices,
        finals,
        secondsProcessed = Math.Round(secondsProcessed, 2),
    }, TranscriptJson.Options);
}
