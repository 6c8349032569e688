using Microsoft.AspNetCore.Mvc;

namespace TranscribeBlazor.Api;

/// <summary>
/// The query string of <c>POST /api/transcriptions</c>, as sent (so a bad value gets a message saying
/// which); <see cref="ApiRequest.Parse"/> checks it. Transcribe's options apply to the <c>aws</c> engine.
/// </summary>
/// <param name="Engine">pocketsphinx (default) or aws.</param>
/// <param name="Format">The response: events (default, application/x-ndjson), json (Transcribe's result shape), srt, vtt or txt.</param>
/// <param name="Language">Transcribe's language code, e.g. en-US.</param>
/// <param name="IdentifyLanguage">true: Transcribe identifies the language among <paramref name="LanguageOptions"/>.</param>
/// <param name="LanguageOptions">Candidate languages, e.g. en-US,es-US.</param>
/// <param name="ShowSpeakerLabel">true: label speakers.</param>
/// <param name="PartialResultsStability">low, medium or high: stabilise partial results.</param>
/// <param name="VocabularyName">A custom vocabulary.</param>
/// <param name="VocabularyFilterName">A vocabulary filter.</param>
/// <param name="VocabularyFilterMethod">remove, mask or tag.</param>
/// <param name="RedactPii">true: redact personal information.</param>
/// <param name="IdentifyPii">true: mark personal information.</param>
/// <param name="PiiEntityTypes">Which personal information, e.g. NAME,ADDRESS.</param>
public sealed record ApiQuery(
    [FromQuery(Name = "engine")] string? Engine = null,
    [FromQuery(Name = "format")] string? Format = null,
    [FromQuery(Name = "language")] string? Language = null,
    [FromQuery(Name = "identifyLanguage")] string? IdentifyLanguage = null,
    [FromQuery(Name = "languageOptions")] string? LanguageOptions = null,
    [FromQuery(Name = "showSpeakerLabel")] string? ShowSpeakerLabel = null,
    [FromQuery(Name = "partialResultsStability")] string? PartialResultsStability = null,
    [FromQuery(Name = "vocabularyName")] string? VocabularyName = null,
    [FromQuery(Name = "vocabularyFilterName")] string? VocabularyFilterName = null,
    [FromQuery(Name = "vocabularyFilterMethod")] string? VocabularyFilterMethod = null,
    [FromQuery(Name = "redactPii")] string? RedactPii = null,
    [FromQuery(Name = "identifyPii")] string? IdentifyPii = null,
    [FromQuery(Name = "piiEntityTypes")] string? PiiEntityTypes = null);
