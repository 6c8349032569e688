namespace TranscribeBlazor.Audio;

public enum AudioError
{
    Empty,
    NotAudio,
    UnsupportedContainer,
    DecoderMissing,
    UndecodableAudio,
    TruncatedHeader,
    MalformedHeader,
    UnsupportedCodec,
    UnsupportedBitDepth,
    UnsupportedChannels,
    UnsupportedSampleRate,
    /// <summary>A container with no audio track (a video without sound, an MP4 with no tracks at all).</summary>
    NoAudioTrack,
    /// <summary>Audio encrypted for one player (iTunes FairPlay, CENC): nobody else can decode it.</summary>
    ProtectedAudio,
    /// <summary>An index-last MP4 cut short before its index: there is no way to find the samples.</summary>
    IndexMissing,
}
