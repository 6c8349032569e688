using System.Text;
using TranscribeBlazor.Audio.Containers;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Containers;

/// <summary>Each container is named from its first bytes, as its own tools write them; nothing else is consulted.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class ContainerSnifferTests
{
    private static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);

    public static TheoryData<string, byte[], ContainerKind> Heads() => new()
    {
        { "M4A", Ascii("\0\0\0\u0018ftypM4A \0\0\u0002\0isomiso2"), ContainerKind.Mp4 },
        { "3GP", Ascii("\0\0\0\u001cftyp3gp4\0\0\u0002\03gp4isomiso2"), ContainerKind.Mp4 },
        { "QuickTime MOV without ftyp", Ascii("\0\0\0\u0008wide\0\0\u0010\0mdat"), ContainerKind.Mp4 },
        { "WebM", [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. Ascii("webm")], ContainerKind.WebM },
        { "MKV", [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88, .. Ascii("matroska")], ContainerKind.Matroska },
        { "AIFF", Ascii("FORM\0\0\u0010\0AIFFCOMM"), ContainerKind.Aiff },
        { "AIFC", Ascii("FORM\0\0\u0010\0AIFCFVER"), ContainerKind.Aiff },
        { "CAF", Ascii("caff\0\u0001\0\0desc"), ContainerKind.Caf },
        { "WMA", [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C, 0, 0], ContainerKind.Asf },
        { "AMR-NB", Ascii("#!AMR\n<\u0048\u0077"), ContainerKind.Amr },
        { "AMR-WB", Ascii("#!AMR-WB\n\u0024"), ContainerKind.Amr },
        { "ADTS AAC, MPEG-4, 16 kHz", [0xFF, 0xF1, 0x60, 0x40, 0x11, 0x1F, 0xFC], ContainerKind.Adts },
        { "ADTS AAC, MPEG-2, 44.1 kHz", [0xFF, 0xF9, 0x50, 0x80, 0x2E, 0x7F, 0xFC], ContainerKind.Adts },
        { "MP3 frame (layer III, not ADTS)", [0xFF, 0xFB, 0x90, 0x64, 0, 0, 0], ContainerKind.Mp3 },
        { "FORM of another kind (an IFF image)", Ascii("FORM\0\0\u0010\0ILBMBMHD"), ContainerKind.Unknown },
        { "a sync word with a reserved sampling index", [0xFF, 0xF1, 0xF4, 0x40, 0x11, 0x1F, 0xFC], ContainerKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void EachContainer_IsNamedFromItsFirstBytes(string what, byte[] head, ContainerKind expected) =>
        Assert.True(ContainerSniffer.Identify(head) == expected, $"{what}: {ContainerSniffer.Identify(head)}, expected {expected}");

    [Theory]
    [InlineData("\0\0\0\u0018ftypM4A \0\0\u0002\0isomiso2", "MP4/M4A", "an MP4/M4A", "MP4/MOV video")]
    [InlineData("\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2", "MP4/M4A", "an MP4/M4A", "MP4/MOV video")]
    [InlineData("\0\0\0\u001cftyp3gp4\0\0\u0002\03gp4isomiso2", "3GP", "a 3GP", "3GP video")]
    [InlineData("\0\0\0\u0014ftypqt  \0\0\u0002\0qt  ", "MOV", "a MOV", "MOV video")]
    [InlineData("\0\0\0\u0008wide\0\0\u0010\0mdat", "MOV", "a MOV", "MOV video")]
    public void IsoMediaFiles_AreNamedByTheirBrand(string head, string plain, string withArticle, string asVideo) =>
        Assert.Equal(new ContainerName(plain, withArticle, asVideo), ContainerSniffer.Name(ContainerKind.Mp4, Ascii(head)));

    [Fact]
    public void APacketTableAfterTheAudio_IsSeen_OnlyForPacketsOfVaryingSize()
    {
        static byte[] Caf(uint bytesPerPacket, uint framesPerPacket, params string[] chunks)
        {
            var bytes = new List<byte>(Ascii("caff\0\u0001\0\0"));
            foreach (var chunk in chunks)
            {
                var body = chunk == "desc" ? new byte[32] : new byte[4];
                if (chunk == "desc")
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), bytesPerPacket);
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(20), framesPerPacket);
                }
                bytes.AddRange(Ascii(chunk));
                var size = new byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(size, body.Length);
                bytes.AddRange(size);
                bytes.AddRange(body);
            }
            return [.. bytes];
        }
        Assert.True(CafLayout.PacketTableAtEnd(Caf(0, 4096, "desc", "kuki", "data"))); // Apple Lossless, as ffmpeg writes it
        Assert.False(CafLayout.PacketTableAtEnd(Caf(0, 4096, "desc", "pakt", "data"))); // table first: streams
        Assert.False(CafLayout.PacketTableAtEnd(Caf(2, 1, "desc", "data"))); // 16-bit PCM: fixed packets, no table
    }
}
