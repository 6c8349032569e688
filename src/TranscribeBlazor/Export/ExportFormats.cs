namespace TranscribeBlazor.Export;

public static class ExportFormats
{
    public static string Extension(ExportFormat format) => format switch
    {
        ExportFormat.Txt => ".txt",
        ExportFormat.Srt => ".srt",
        ExportFormat.Vtt => ".vtt",
        _ => ".json",
    };

    public static string MediaType(ExportFormat format) => format switch
    {
        ExportFormat.Txt => "text/plain;charset=utf-8",
        ExportFormat.Srt => "application/x-subrip;charset=utf-8",
        ExportFormat.Vtt => "text/vtt;charset=utf-8",
        _ => "application/json;charset=utf-8",
    };

    /// <summary>"interview.m4a" → "interview.srt". Only for the download's suggested name, never a server path.</summary>
    public static string FileName(string? sourceName, ExportFormat format)
    {
        string stem = string.IsNullOrWhiteSpace(sourceName) ? "transcript" : Path.GetFileNameWithoutExtension(sourceName.Trim());
        var safe = new string(stem.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_').ToArray()).Trim();
        return (safe.Length == 0 ? "transcript" : safe) + Extension(format);
    }
}
