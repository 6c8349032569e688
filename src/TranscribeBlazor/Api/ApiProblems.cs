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
        UploadStalledException => Of(StatusCodes.Status408RequestTimeout, e.Message),
        TranscriptionEngineException => Of(StatusCodes.Status503ServiceUnavailable, e.Message),
        _ => Of(StatusCodes.Status500InternalServerError, "Transcription stopped unexpectedly."),
    };
}
