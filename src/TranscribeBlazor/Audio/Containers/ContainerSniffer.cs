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
        if (head.Length >= 8 && IsIsoMediaBox(head[4..8])) return ContainerKind.Mp4;
        if (head.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }))
            return head.IndexOf("matroska"u8) >= 0 ? ContainerKind.Matroska : ContainerKind.WebM; // the EBML header's DocType
        if (head.Length >= 12 && head.StartsWith("FORM"u8) && (head[8..12].SequenceEqual("AIFF"u8) || head[8..12].SequenceEqual("AIFC"u8))) return ContainerKind.Aiff;
        if (head.StartsWith("caff"u8)) return ContainerKind.Caf;
        if (head.StartsWith(AsfHeaderGuid)) return ContainerKind.Asf;
        if (head.StartsWith("#!AMR"u8)) return ContainerKind.Amr; // "#!AMR\n" narrowband, "#!AMR-WB\n" wideband
        if (IsAdtsFrame(head)) return ContainerKind.Adts;
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
        ContainerKind.Matroska => "Matroska",
        ContainerKind.Aiff => "AIFF",
        ContainerKind.Caf => "CAF",
        ContainerKind.Asf => "WMA/ASF",
        ContainerKind.Amr => "AMR",
        ContainerKind.Adts => "AAC",
        _ => "unknown",
    };

    /// <summary>
    /// The name to show for a file of <paramref name="kind"/> starting with <paramref name="head"/>: ISO media files
    /// are told apart by their brand, so a phone's 3GP or a QuickTime MOV is not called an M4A.
    /// </summary>
    public static ContainerName Name(ContainerKind kind, ReadOnlySpan<byte> head)
    {
        if (kind == ContainerKind.Mp4)
        {
            bool typed = head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8);
            var brand = typed ? head[8..12] : default;
            if (typed && brand.StartsWith("3g"u8)) return new("3GP", "a 3GP", "3GP video"); // 3gp4-3gp6, 3g2a: phones
            if (!typed || brand.SequenceEqual("qt  "u8)) return new("MOV", "a MOV", "MOV video"); // QuickTime: iPhones, Macs
        }
        return new(Describe(kind), WithArticle(kind), DescribeVideo(kind));
    }

    /// <summary>The container's name when its first track is a video's (the sound of a screen or phone recording).</summary>
    public static string DescribeVideo(ContainerKind kind) => kind switch
    {
        ContainerKind.Mp4 => "MP4/MOV video",
        ContainerKind.Asf => "WMV video",
        _ => Describe(kind) + " video",
    };

    /// <summary>"an Ogg", "a FLAC": the name as a sentence needs it.</summary>
    public static string WithArticle(ContainerKind kind) => kind switch
    {
        ContainerKind.Ogg or ContainerKind.Mp3 or ContainerKind.Mp4 or ContainerKind.Aiff or ContainerKind.Amr or ContainerKind.Adts => "an " + Describe(kind),
        _ => "a " + Describe(kind),
    };

    /// <summary>What we read, for messages that tell the user what to drop instead.</summary>
    public const string ReadableList = "WAV, FLAC, Ogg, MP3, M4A, AAC, AMR, 3GP, AIFF, CAF, WMA, WebM, MKV, or a video (MP4, MOV, MKV, WebM)";

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
            return new AudioFormatException(AudioError.NotAudio, $"This is a text file, not audio. Drop a recording ({ReadableList}).");
        return new AudioFormatException(AudioError.NotAudio, $"This file is not audio we recognise: it is none of {ReadableList}.");
    }

    // An MPEG audio frame header: 11 sync bits, a valid version, layer III, and a bitrate index that is not "bad".
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x18) != 0x08 && (head[1] & 0x06) == 0x02
        && (head[2] & 0xF0) != 0xF0 && (head[2] & 0x0C) != 0x0C;

    // Windows Media's header object: 75B22630-668E-11CF-A6D9-00AA0062CE6C, as stored (little-endian fields first).
    private static ReadOnlySpan<byte> AsfHeaderGuid => [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C];

    // An ISO media file's first box: ftyp in every MP4, M4A and 3GP; older QuickTime MOVs start straight with
    // their index, their samples or a 'wide' placeholder.
    private static bool IsIsoMediaBox(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("ftyp"u8) || type.SequenceEqual("moov"u8) || type.SequenceEqual("mdat"u8) || type.SequenceEqual("wide"u8);

    // An ADTS header: 12 sync bits, layer 00 (MPEG audio frames have a non-zero layer), a sampling index below 13.
    private static bool IsAdtsFrame(ReadOnlySpan<byte> head) =>
        head.Length >= 7 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0 && ((head[2] >> 2) & 0x0F) < 13;

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (byte b in head)
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) return false;
        return true;
    }
}
