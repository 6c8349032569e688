using Microsoft.AspNetCore.WebUtilities;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Api;

/// <summary>The API's refusals as RFC 9457 problem bodies (application/problem+json) whose <c>detail</c> says what is wrong; the one place exceptions become statuses.</summary>
internal static class ApiProblems
{
    public static IResult Of(int status, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: ReasonPhrases.GetReasonPhrase(status));

    /// <summary>A run that failed before its response started: the file (415), no room to spool it (413), a silent upload (408), the engine (503), or a fault of ours (500).</summary>
    public static IResult Of(Exception e) => e switch
    {
        AudioFormatException => Of(StatusCodes.Status415UnsupportedMediaType, e.Message),
        SpoolFullException => Of(StatusCodes.Status413PayloadTooLarge, e.Message),
        // Here the run never began, so the page's "the transcript so far is kept" would mislead.
        UploadStalledException stalled => Of(StatusCodes.Status408RequestTimeout,
            $"Nothing more of the body arrived for {stalled.Waited.TotalSeconds:0} s before transcription could begin, so nothing was transcribed. Send the body without pauses that long."),
        TranscriptionEngineException => Of(StatusCodes.Status503ServiceUnavailable, e.Message),
        _ => Of(StatusCodes.Status500InternalServerError, "Transcription stopped unexpectedly."),
    };
}
