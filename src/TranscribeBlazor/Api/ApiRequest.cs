using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;

namespace TranscribeBlazor.Api;

/// <summary>A checked <see cref="ApiQuery"/>: the engine asked for (null: the default), the response format and the engine options.</summary>
public sealed record ApiRequest(string? EngineId, ApiResponseFormat Format, TranscriptionRequest Transcription)
{
    /// <summary>The request, or the message for a 400 naming the parameter that is wrong.</summary>
    /// <param name="accept">The Accept header: <c>application/json</c> asks for the whole transcript when no format is given.</param>
    public static ApiRequest? Parse(ApiQuery query, string? accept, out string? error)
    {
        error = null;
        var format = ApiResponseFormat.Events;
        if (!string.IsNullOrWhiteSpace(query.Format))
        {
            if (!Enum.TryParse(query.Format.Trim(), ignoreCase: true, out format) || !Enum.IsDefined(format) || int.TryParse(query.Format, out _))
            {
                error = $"format '{query.Format}' is not one of events, json, srt, vtt, txt.";
                return null;
            }
        }
        else if (accept is not null && accept.Contains("application/json", StringComparison.OrdinalIgnoreCase)
                 && !accept.Contains("application/x-ndjson", StringComparison.OrdinalIgnoreCase))
        {
            format = ApiResponseFormat.Json;
        }

        var aws = new StreamSettings();
        if (!string.IsNullOrWhiteSpace(query.Language)) aws = aws with { LanguageCode = query.Language.Trim() };
        bool ok = Flag(query.IdentifyLanguage, "identifyLanguage", out bool identify, ref error)
                  & Flag(query.ShowSpeakerLabel, "showSpeakerLabel", out bool speakers, ref error)
                  & Flag(query.RedactPii, "redactPii", out bool redact, ref error)
                  & Flag(query.IdentifyPii, "identifyPii", out bool identifyPii, ref error);
        string? stability = query.PartialResultsStability?.Trim().ToLowerInvariant();
        if (stability is not (null or "" or "low" or "medium" or "high"))
        {
            error ??= $"partialResultsStability '{query.PartialResultsStability}' is not one of low, medium, high.";
            ok = false;
        }
        string? filterMethod = query.VocabularyFilterMethod?.Trim().ToLowerInvariant();
        if (filterMethod is not (null or "" or "remove" or "mask" or "tag"))
        {
            error ??= $"vocabularyFilterMethod '{query.VocabularyFilterMethod}' is not one of remove, mask, tag.";
            ok = false;
        }
        if (!ok) return null;

        aws = aws with
        {
            IdentifyLanguage = identify,
            LanguageOptions = query.LanguageOptions,
            ShowSpeakerLabel = speakers,
            PartialResultsStabilization = !string.IsNullOrEmpty(stability),
            PartialResultsStability = string.IsNullOrEmpty(stability) ? null : stability,
            VocabularyName = query.VocabularyName,
            VocabularyFilterName = query.VocabularyFilterName,
            VocabularyFilterMethod = string.IsNullOrEmpty(filterMethod) ? null : filterMethod,
            RedactPii = redact,
            IdentifyPii = identifyPii,
            PiiEntityTypes = query.PiiEntityTypes,
        };
        return new ApiRequest(string.IsNullOrWhiteSpace(query.Engine) ? null : query.Engine.Trim(), format, new TranscriptionRequest { Aws = aws });
    }

    private static bool Flag(string? value, string name, out bool flag, ref string? error)
    {
        flag = false;
        if (string.IsNullOrWhiteSpace(value)) return true;
        if (bool.TryParse(value.Trim(), out flag)) return true;
        error ??= $"{name} '{value}' is not true or false.";
        return false;
    }
}
