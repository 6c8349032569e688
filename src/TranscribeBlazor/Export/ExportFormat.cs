namespace TranscribeBlazor.Export;

/// <summary>Transcript file formats offered in the page and on the command line.</summary>
public enum ExportFormat
{
    Txt,
    Srt,
    Vtt,
    Json,
}
