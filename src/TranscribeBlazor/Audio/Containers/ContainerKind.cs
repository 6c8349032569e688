namespace TranscribeBlazor.Audio.Containers;

/// <summary>What a file is, judged from its first bytes.</summary>
public enum ContainerKind
{
    Unknown,
    Wav,
    Flac,
    Ogg,
    Mp3,
    /// <summary>ISO media: M4A, MP4, QuickTime MOV, 3GP.</summary>
    Mp4,
    WebM,
    /// <summary>Matroska other than WebM: MKV, MKA.</summary>
    Matroska,
    Aiff,
    Caf,
    /// <summary>Windows Media: WMA, WMV.</summary>
    Asf,
    /// <summary>AMR narrow- or wideband speech, as phones record it (.amr).</summary>
    Amr,
    /// <summary>Raw AAC frames with ADTS headers (.aac).</summary>
    Adts,
}
