namespace TranscribeBlazor.Settings;

/// <summary>A streaming language, as the settings list it (code and name, for the language select).</summary>
public sealed record AwsLanguage(string Code, string Name);
