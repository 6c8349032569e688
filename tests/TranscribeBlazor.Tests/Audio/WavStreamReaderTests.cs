using TranscribeBlazor.Audio;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio;

public sealed class WavStreamReaderTests
{
    private static readonly short[] Ramp = Enumerable.Range(0, 1000).Select(i => (short)(i * 31 - 15000)).ToArray();

    private static async Task<(WavFormat Format, short[] Samples, WavStreamReader Reader)> ReadAllAsync(byte[] wav, int maxRead = 7)
    {
        var reader = await WavStreamReader.OpenAsync(new TrickleStream(wav, maxRead));
        var samples = new List<short>();
        var buffer = new byte[64];
        int n;
        while ((n = await reader.ReadFramesAsync(buffer)) > 0)
        {
            Assert.Equal(0, n % reader.Format.BlockAlign);
            for (int i = 0; i < n; i += 2) samples.Add(BitConverter.ToInt16(buffer, i));
        }
        return (reader.Format, samples.ToArray(), reader);
    }

    [Theory]
    [InlineData(8_000)]
    [InlineData(16_000)]
    [InlineData(22_050)]
    [InlineData(44_100)]
    [InlineData(48_000)]
    public async Task CanonicalHeader_AtEverySupportedRate_ReadsEverySample(int rate)
    {
        var (format, samples, reader) = await ReadAllAsync(WavBuilder.Pcm16(Ramp, rate, 1));
        Assert.Equal(rate, format.SampleRate);
        Assert.Equal(1, format.Channels);
        Assert.Equal(Ramp, samples);
        Assert.False(reader.EndedEarly);
        Assert.Equal(Ramp.Length / (double)rate, format.Duration!.Value.TotalSeconds, 3);
    }

    [Fact]
    public async Task MetadataChunksBeforeAndBetween_AreSkipped_IncludingOddSizedOnesWithPadding()
    {
        var wav = new WavBuilder()
            .Chunk("JUNK", new byte[28])
            .Chunk("LIST", "INFOISFT\u0005\0\0\0Lavf\0"u8.ToArray()) // odd length: a pad byte follows
            .Fmt(1, 1, 16_000, 16)
            .Chunk("fact", new byte[4])
            .Chunk("cue ", new byte[3])
            .Data(Ramp)
            .Chunk("LIST", new byte[10]) // trailing metadata after the audio is not samples
            .Build();
        var (_, samples, _) = await ReadAllAsync(wav);
        Assert.Equal(Ramp, samples);
    }

    [Fact]
    public async Task Stereo_IsReadAsInterleavedFrames()
    {
        var stereo = Ramp.SelectMany(s => new[] { s, (short)-s }).ToArray();
        var (format, samples, _) = await ReadAllAsync(WavBuilder.Pcm16(stereo, 44_100, 2));
        Assert.Equal(2, format.Channels);
        Assert.Equal(4, format.BlockAlign);
        Assert.Equal(stereo, samples);
    }

    [Fact]
    public async Task ExtensibleFormat_WithPcmSubFormat_IsAccepted()
    {
        var wav = new WavBuilder().FmtExtensible(1, 2, 48_000, 16).Data(Ramp).Build();
        var (format, samples, _) = await ReadAllAsync(wav);
        Assert.Equal(48_000, format.SampleRate);
        Assert.Equal(Ramp, samples);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFFFFFFu)]
    public async Task StreamingWriterSizes_MeanReadToTheEnd(uint declared)
    {
        var wav = new WavBuilder().Fmt(1, 1, 16_000, 16).Data(Ramp).Build(dataSizeOverride: declared);
        var (format, samples, reader) = await ReadAllAsync(wav);
        Assert.Null(format.DataBytes);
        Assert.Null(format.Duration);
        Assert.Equal(Ramp, samples);
        Assert.False(reader.EndedEarly);
    }

    [Fact]
    public async Task DataShorterThanDeclared_DeliversWhatIsThere_AndSaysItEndedEarly()
    {
        var wav = new WavBuilder().Fmt(1, 1, 16_000, 16).Data(Ramp).Build(dataSizeOverride: 100_000);
        var (_, samples, reader) = await ReadAllAsync(wav);
        Assert.Equal(Ramp, samples);
        Assert.True(reader.EndedEarly);
    }

    [Fact]
    public async Task AHalfFrameAtTheEnd_IsDropped()
    {
        var stereo = WavBuilder.Pcm16([1, 2, 3, 4, 5, 6], 16_000, 2);
        var cut = stereo[..^2]; // last frame loses its right channel
        var (_, samples, _) = await ReadAllAsync(cut, maxRead: 3);
        Assert.Equal(new short[] { 1, 2, 3, 4 }, samples);
    }

    [Fact]
    public async Task ReadingStartsBeforeTheFileHasArrived()
    {
        // A stream that serves the header and 100 ms of audio, then blocks: the reader must deliver those samples.
        var wav = WavBuilder.Pcm16(new short[16_000], 16_000, 1);
        var pipe = new System.IO.Pipelines.Pipe();
        await pipe.Writer.WriteAsync(wav.AsMemory(0, 44 + 3_200));
        var reader = await WavStreamReader.OpenAsync(pipe.Reader.AsStream());
        var buffer = new byte[8_000];
        int got = await reader.ReadFramesAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3_200, got);
    }

    public static TheoryData<string, byte[], AudioError, string> BadFiles() => new()
    {
        { "empty", [], AudioError.Empty, "empty" },
        { "text", "hello, this is not audio\n"u8.ToArray(), AudioError.NotWav, "text file" },
        { "binary junk", [0x00, 0x13, 0x37, 0xC0, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07], AudioError.NotWav, "no RIFF/WAVE header" },
        { "flac", "fLaC\0\0\0\"\u0010\0\u0010\0"u8.ToArray(), AudioError.UnsupportedContainer, "FLAC" },
        { "ogg", "OggS\0\u0002\0\0\0\0\0\0"u8.ToArray(), AudioError.UnsupportedContainer, "Ogg" },
        { "mp3", "ID3\u0004\0\0\0\0\0\0\0\0"u8.ToArray(), AudioError.UnsupportedContainer, "MP3" },
        { "avi", "RIFF\0\0\0\0AVI LIST"u8.ToArray(), AudioError.UnsupportedContainer, "'AVI '" },
        { "riff cut short", "RIFF\0\0"u8.ToArray(), AudioError.TruncatedHeader, "cut short" },
        { "no chunks", "RIFF\u0004\0\0\0WAVE"u8.ToArray(), AudioError.TruncatedHeader, "cut short" },
        { "fmt cut short", new WavBuilder().Fmt(1, 1, 16_000, 16).Build()[..30], AudioError.TruncatedHeader, "cut short" },
        { "data before fmt", new WavBuilder().Data(Ramp).Fmt(1, 1, 16_000, 16).Build(), AudioError.MalformedHeader, "before the format chunk" },
        { "fmt too small", new WavBuilder().Chunk("fmt ", new byte[8]).Data(Ramp).Build(), AudioError.MalformedHeader, "format chunk is 8 bytes" },
        { "garbage chunk id", new WavBuilder().Chunk("\u0001\u0002\u0003\u0004", new byte[4]).Fmt(1, 1, 16_000, 16).Data(Ramp).Build(), AudioError.MalformedHeader, "unreadable name" },
        { "huge metadata", new WavBuilder().Chunk("LIST", new byte[4]).Fmt(1, 1, 16_000, 16).Data(Ramp).Build().Also(b => b[16] = 0xFF).Also(b => b[17] = 0xFF).Also(b => b[18] = 0xFF).Also(b => b[19] = 0x7F), AudioError.MalformedHeader, "metadata" },
        { "adpcm", new WavBuilder().Fmt(2, 1, 16_000, 4).Data(Ramp).Build(), AudioError.UnsupportedCodec, "Microsoft ADPCM" },
        { "float", new WavBuilder().Fmt(3, 1, 16_000, 32).Data(Ramp).Build(), AudioError.UnsupportedCodec, "IEEE float" },
        { "extensible float", new WavBuilder().FmtExtensible(3, 1, 16_000, 32).Data(Ramp).Build(), AudioError.UnsupportedCodec, "IEEE float" },
        { "8-bit", new WavBuilder().Fmt(1, 1, 16_000, 8).Data(Ramp).Build(), AudioError.UnsupportedBitDepth, "8-bit" },
        { "24-bit", new WavBuilder().Fmt(1, 1, 16_000, 24).Data(Ramp).Build(), AudioError.UnsupportedBitDepth, "24-bit" },
        { "zero channels", new WavBuilder().Fmt(1, 0, 16_000, 16, blockAlign: 2).Data(Ramp).Build(), AudioError.UnsupportedChannels, "zero channels" },
        { "nine channels", new WavBuilder().Fmt(1, 9, 16_000, 16).Data(Ramp).Build(), AudioError.UnsupportedChannels, "9 channels" },
        { "rate too low", WavBuilder.Pcm16(Ramp, 4_000, 1), AudioError.UnsupportedSampleRate, "4000 Hz" },
        { "rate absurd", WavBuilder.Pcm16(Ramp, 1_000_000_000, 1), AudioError.UnsupportedSampleRate, "1000000000 Hz" },
        { "block align lies", new WavBuilder().Fmt(1, 2, 16_000, 16, blockAlign: 3).Data(Ramp).Build(), AudioError.MalformedHeader, "block size" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFiles_AreRefusedWithASpecificMessage(string name, byte[] file, AudioError expected, string messagePart)
    {
        var e = await Assert.ThrowsAsync<AudioFormatException>(() => WavStreamReader.OpenAsync(new TrickleStream(file, 5)));
        Assert.Equal(expected, e.Error);
        Assert.True(e.Message.Contains(messagePart), $"{name}: \"{e.Message}\" does not say \"{messagePart}\"");
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Also(this byte[] bytes, Action<byte[]> change)
    {
        change(bytes);
        return bytes;
    }
}
