using System.Buffers.Binary;
using System.Text;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Writes WAV files byte by byte, so tests can make every header shape, good or broken.</summary>
public sealed class WavBuilder
{
    private readonly List<(string Id, byte[] Body)> _chunks = [];

    public static byte[] Pcm16(short[] interleaved, int sampleRate, int channels) =>
        new WavBuilder().Fmt(1, channels, sampleRate, 16).Data(interleaved).Build();

    public WavBuilder Fmt(int tag, int channels, int sampleRate, int bits, int? blockAlign = null, int extraBytes = 0)
    {
        var body = new byte[16 + extraBytes];
        int align = blockAlign ?? channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        return Chunk("fmt ", body);
    }

    /// <summary>WAVE_FORMAT_EXTENSIBLE with the given sub-format tag.</summary>
    public WavBuilder FmtExtensible(int subFormatTag, int channels, int sampleRate, int bits)
    {
        var body = new byte[40];
        int align = channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(body, 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(sampleRate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(24), (ushort)subFormatTag);
        return Chunk("fmt ", body);
    }

    public WavBuilder Data(short[] interleaved)
    {
        var body = new byte[interleaved.Length * 2];
        for (int i = 0; i < interleaved.Length; i++)
            BinaryPrimitives.WriteInt16LittleEndian(body.AsSpan(i * 2), interleaved[i]);
        return Chunk("data", body);
    }

    public WavBuilder Chunk(string id, byte[] body)
    {
        _chunks.Add((id, body));
        return this;
    }

    /// <param name="dataSizeOverride">Replaces the data chunk's declared size (0 or 0xFFFFFFFF for streaming writers, or a lie).</param>
    public byte[] Build(uint? dataSizeOverride = null)
    {
        using var output = new MemoryStream();
        output.Write("RIFF"u8);
        output.Write(new byte[4]);
        output.Write("WAVE"u8);
        foreach (var (id, body) in _chunks)
        {
            output.Write(Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, id == "data" && dataSizeOverride is { } o ? o : (uint)body.Length);
            output.Write(size);
            output.Write(body);
            if (body.Length % 2 == 1) output.WriteByte(0);
        }
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
