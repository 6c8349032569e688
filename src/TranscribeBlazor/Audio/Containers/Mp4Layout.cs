using System.Buffers.Binary;

namespace TranscribeBlazor.Audio.Containers;

/// <summary>
/// Whether an MP4/M4A file can be decoded as it arrives: its index (<c>moov</c>) must come before the
/// samples (<c>mdat</c>), as in files saved for streaming ("fast start"). ffmpeg reading a pipe cannot
/// seek back to samples it has passed, so an index at the end would yield nothing.
/// </summary>
internal static class Mp4Layout
{
    /// <summary>True if the top-level boxes in <paramref name="head"/> show <c>mdat</c> before any <c>moov</c>.</summary>
    public static bool IndexAtEnd(ReadOnlySpan<byte> head)
    {
        int offset = 0;
        while (offset + 8 <= head.Length)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(head[offset..]);
            var type = head.Slice(offset + 4, 4);
            if (type.SequenceEqual("moov"u8)) return false;
            if (type.SequenceEqual("mdat"u8)) return true;
            if (size < 8) return false; // 0 = "to end of file", 1 = 64-bit size: neither says mdat comes first
            offset += (int)Math.Min(size, int.MaxValue);
        }
        return false;
    }
}
