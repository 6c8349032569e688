namespace TranscribeBlazor.Cli;

/// <summary>jsonl streams every result event; the others are the page's export formats (text = txt).</summary>
public enum CliFormat { Jsonl, Text, Txt, Srt, Vtt, Json }
