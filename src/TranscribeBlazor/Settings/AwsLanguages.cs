namespace TranscribeBlazor.Settings;

/// <summary>Streaming languages offered in the settings (a subset of what Amazon Transcribe streams).</summary>
public static class AwsLanguages
{
    public static IReadOnlyList<AwsLanguage> All { get; } =
    [
        new("en-US", "English (US)"), new("en-GB", "English (UK)"), new("en-AU", "English (Australia)"), new("en-IN", "English (India)"),
        new("es-US", "Spanish (US)"), new("es-ES", "Spanish (Spain)"), new("fr-FR", "French"), new("fr-CA", "French (Canada)"),
        new("de-DE", "German"), new("it-IT", "Italian"), new("pt-BR", "Portuguese (Brazil)"), new("ja-JP", "Japanese"),
        new("ko-KR", "Korean"), new("zh-CN", "Chinese (Mandarin)"), new("hi-IN", "Hindi"), new("ar-SA", "Arabic"),
    ];
}
