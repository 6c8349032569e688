using System.Text;

namespace TranscribeBlazor.Audio.Containers;

/// <summary>
/// Names a file's container from its first bytes (never from its name or declared type), and refuses
/// what we cannot read with a message that says what the file actually is.
/// </summary>
internal static class ContainerSniffer
{
    /// <summary>Bytes needed to tell the containers apart (an MP3's ID3 tag, an MP4's ftyp box).</summary>
    public const int HeadLength = 64;

    public static ContainerKind Identify(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8)) return ContainerKind.Wav;
        if (head.StartsWith("fLaC"u8)) return ContainerKind.Flac;
        if (head.StartsWith("OggS"u8)) return ContainerKind.Ogg;
        if (head.StartsWith("ID3"u8) || IsMpegAudioFrame(head)) return ContainerKind.Mp3;
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) return ContainerKind.Mp4;
        if (head.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return ContainerKind.WebM;
        return ContainerKind.Unknown;
    }

    public static string Describe(ContainerKind kind) => kind switch
    {
        ContainerKind.Wav => "WAV",
        ContainerKind.Flac => "FLAC",
        ContainerKind.Ogg => "Ogg",
        ContainerKind.Mp3 => "MP3",
        ContainerKind.Mp4 => "MP4/M4A",
        ContainerKind.WebM => "WebM",
        _ => "unknown",
    };

    /// <summary>"an Ogg", "a FLAC": the name as a sentence needs it.</summary>
    public static string WithArticle(ContainerKind kind) => kind switch
    {
        ContainerKind.Ogg or ContainerKind.Mp3 or ContainerKind.Mp4 => "an " + Describe(kind),
        _ => "a " + Describe(kind),
    };

    /// <summary>The specific refusal, for the caller to throw, of a file that is none of the containers we read: empty, RF64, another RIFF type, a cut-short RIFF header, text, or unknown.</summary>
    public static AudioFormatException Refuse(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
            return new AudioFormatException(AudioError.Empty, "The file is empty.");
        if (head.StartsWith("RF64"u8))
            return new AudioFormatException(AudioError.UnsupportedContainer, "This is an RF64 (64-bit WAV) file, which cannot be read. Save it as a regular WAV, FLAC or Ogg file.");
        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
            return new AudioFormatException(AudioError.UnsupportedContainer, $"This is a RIFF file of type '{Encoding.ASCII.GetString(head[8..12])}', not WAVE audio.");
        if (head.Length < 12 && "RIFF"u8.StartsWith(head[..Math.Min(4, head.Length)]))
            return new AudioFormatException(AudioError.TruncatedHeader, "The WAV file is cut short: it ends inside its RIFF header.");
        if (LooksLikeText(head))
            return new AudioFormatException(AudioError.NotAudio, "This is a text file, not audio. Drop a recording (WAV, FLAC, Ogg, MP3, M4A or WebM).");
        return new AudioFormatException(AudioError.NotAudio, "This file is not audio we recognise: it is none of WAV, FLAC, Ogg, MP3, M4A or WebM.");
    }

    // An MPEG audio frame header: 11 sync bits, a valid version, layer III, and a bitrate index that is not "bad".
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) == 0x02
        && (head[2] & 0xF0) != 0xF0 && (head[2] & 0x0C) != 0x0C;

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (byte b in head)
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) return false;
        return true;
    }
}
