using System.Buffers.Binary;

namespace TranscribeBlazor.Audio.Containers;

/// <summary>
/// Whether a CAF file can be decoded as it arrives. Packets of varying size (Apple Lossless, AAC) are found
/// through the packet table (<c>pakt</c>), which Apple's tools and ffmpeg write after the audio (<c>data</c>);
/// ffmpeg reading a pipe then stops with "Missing packet table". Fixed-size packets (PCM) need no table.
/// </summary>
internal static class CafLayout
{
    // "caff", version and flags (8 bytes), then chunks: 4-byte type, 8-byte big-endian size.
    private const int FileHeaderLength = 8;
    private const int ChunkHeaderLength = 12;

    /// <summary>True if the chunks in <paramref name="head"/> show variable-size packets and <c>data</c> before any <c>pakt</c>.</summary>
    public static bool PacketTableAtEnd(ReadOnlySpan<byte> head)
    {
        bool variable = false;
        int offset = FileHeaderLength;
        while (offset + ChunkHeaderLength <= head.Length)
        {
            var type = head.Slice(offset, 4);
            long size = BinaryPrimitives.ReadInt64BigEndian(head[(offset + 4)..]);
            var body = head[(offset + ChunkHeaderLength)..];
            if (type.SequenceEqual("pakt"u8)) return false;
            if (type.SequenceEqual("data"u8)) return variable;
            // The audio description: sample rate (8), format (4), flags (4), bytes per packet (4), frames per packet (4); 0 means "varies".
            if (type.SequenceEqual("desc"u8) && body.Length >= 24)
                variable = BinaryPrimitives.ReadUInt32BigEndian(body[16..]) == 0 || BinaryPrimitives.ReadUInt32BigEndian(body[20..]) == 0;
            if (size < 0 || size > int.MaxValue - offset) return false; // -1: data "to the end of the file"
            offset += ChunkHeaderLength + (int)size;
        }
        return false;
    }
}
