namespace TranscribeBlazor.Audio.Containers;

/// <summary>What a file is, judged from its first bytes.</summary>
public enum ContainerKind
{
    Unknown,
    Wav,
    Flac,
    Ogg,
    Mp3,
    Mp4,
    WebM,
}
