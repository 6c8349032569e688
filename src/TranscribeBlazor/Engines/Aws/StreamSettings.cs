namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// What the user chose for one Amazon Transcribe stream. Each maps to a query parameter of the
/// WebSocket request; null means "leave it to the service".
/// </summary>
public sealed record StreamSettings
{
    public string LanguageCode { get; init; } = "en-US";

    /// <summary>Let the service identify the language among <see cref="LanguageOptions"/> (then LanguageCode is ignored).</summary>
    public bool IdentifyLanguage { get; init; }

    /// <summary>Candidates for identification, e.g. "en-US,es-US,fr-FR" (at least two).</summary>
    public string? LanguageOptions { get; init; }

    public bool PartialResultsStabilization { get; init; }

    /// <summary>low, medium or high.</summary>
    public string? PartialResultsStability { get; init; }

    public bool ShowSpeakerLabel { get; init; }

    public string? VocabularyName { get; init; }

    public string? VocabularyFilterName { get; init; }

    /// <summary>remove, mask or tag.</summary>
    public string? VocabularyFilterMethod { get; init; }

    /// <summary>Redact personal information ("[PII]") in the transcript.</summary>
    public bool RedactPii { get; init; }

    /// <summary>Mark personal information without removing it.</summary>
    public bool IdentifyPii { get; init; }

    /// <summary>Which PII to redact or identify, e.g. "NAME,ADDRESS" (all when empty).</summary>
    public string? PiiEntityTypes { get; init; }

    /// <summary>Query parameters for these settings at the given sample rate, in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToQuery(int sampleRate)
    {
        Require(LanguageCode, "The language code", "en-US");
        Require(LanguageOptions, "The candidate languages", "en-US,es-US", allowComma: true);
        Require(VocabularyName, "The custom vocabulary name", "my-vocabulary");
        Require(VocabularyFilterName, "The vocabulary filter name", "my-filter");
        Require(PiiEntityTypes, "The PII entity types", "NAME,ADDRESS", allowComma: true);
        var q = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) q.Add(new(key, value.Trim()));
        }

        if (IdentifyLanguage)
        {
            Add("identify-language", "true");
            Add("language-options", LanguageOptions);
            Add("preferred-language", LanguageCode);
        }
        else
        {
            Add("language-code", LanguageCode);
        }
        Add("media-encoding", "pcm");
        Add("sample-rate", sampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (PartialResultsStabilization)
        {
            Add("enable-partial-results-stabilization", "true");
            Add("partial-results-stability", PartialResultsStability ?? "high");
        }
        if (ShowSpeakerLabel) Add("show-speaker-label", "true");
        Add("vocabulary-name", VocabularyName);
        Add("vocabulary-filter-name", VocabularyFilterName);
        if (!string.IsNullOrWhiteSpace(VocabularyFilterName)) Add("vocabulary-filter-method", VocabularyFilterMethod ?? "mask");
        if (RedactPii) Add("content-redaction-type", "PII");
        else if (IdentifyPii) Add("content-identification-type", "PII");
        if (RedactPii || IdentifyPii) Add("pii-entity-types", PiiEntityTypes);
        return q;
    }

    // The service's names are ASCII letters, digits and . _ - (lists comma-separated); anything else
    // is a typo, and would also make the signed URL differ between signer and service.
    private static void Require(string? value, string what, string example, bool allowComma = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        foreach (char c in value.Trim())
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' || (allowComma && c == ',')))
                throw new AwsTranscribeException(AwsErrorKind.BadRequest,
                    $"{what} \"{value}\" has a character Amazon Transcribe does not accept ('{c}'); use letters, digits, '.', '_' and '-' (like \"{example}\").");
    }
}
