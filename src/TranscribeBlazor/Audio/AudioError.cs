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
}
