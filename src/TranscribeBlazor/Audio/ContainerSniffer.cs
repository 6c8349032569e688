using System.Text;

namespace TranscribeBlazor.Audio;

/// <summary>
/// Names a file's container from its first bytes (never from its name or declared type), so a refused
/// file gets a message that says what it actually is.
/// </summary>
internal static class ContainerSniffer
{
    public static void ThrowUnlessWav(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
            throw new AudioFormatException(AudioError.Empty, "The file is empty.");
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
            return;

        string? container = Identify(head);
        if (container is not null)
            throw new AudioFormatException(AudioError.UnsupportedContainer,
                $"This is {container}; only WAV files (16-bit PCM) are supported for now. Convert it to WAV first.");
        if (head.Length < 12 && "RIFF"u8.StartsWith(head[..Math.Min(4, head.Length)]))
            throw new AudioFormatException(AudioError.TruncatedHeader, "The WAV file is cut short: it ends inside its RIFF header.");
        if (LooksLikeText(head))
            throw new AudioFormatException(AudioError.NotWav, "This is a text file, not audio. Drop a WAV recording.");
        throw new AudioFormatException(AudioError.NotWav, "This file is not a WAV recording: it has no RIFF/WAVE header.");
    }

    private static string? Identify(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("fLaC"u8)) return "a FLAC file";
        if (head.StartsWith("OggS"u8)) return "an Ogg file (Opus or Vorbis)";
        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)) return "an MP3 file";
        if (head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8)) return "an MP4/M4A file";
        if (head.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return "a WebM/Matroska file";
        if (head.StartsWith("RF64"u8)) return "an RF64 (64-bit WAV) file";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8)) return $"a RIFF file of type '{Encoding.ASCII.GetString(head[8..12])}', not WAVE";
        return null;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (byte b in head)
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) return false;
        return true;
    }
}
