namespace TranscribeBlazor.Api;

/// <summary>What <c>POST /api/transcriptions</c> answers with.</summary>
public enum ApiResponseFormat
{
    /// <summary>application/x-ndjson: each result as it happens, then the outcome.</summary>
    Events,

    /// <summary>The whole transcript in Amazon Transcribe's result shape, once done.</summary>
    Json,

    Srt,
    Vtt,
    Txt,
}
