namespace TranscribeBlazor.Audio;

/// <summary>What was detected in a file, shown before recognition starts.</summary>
/// <param name="Container">"WAV", "FLAC", "Ogg", ...</param>
/// <param name="Codec">"16-bit PCM", "opus", "mp3", ...</param>
/// <param name="Duration">Null when the file does not say (a stream, or a container without an index).</param>
public sealed record AudioFormatInfo(string Container, string Codec, int Channels, int SampleRate, TimeSpan? Duration);
