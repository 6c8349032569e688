using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Wav;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Wav;

[Trait(Category.Name, Category.Unit)]
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
        { "text", "hello, this is not audio\n"u8.ToArray(), AudioError.NotAudio, "text file" },
        { "binary junk", [0x00, 0x13, 0x37, 0xC0, 0xFF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07], AudioError.NotAudio, "not audio we recognise" },
        { "avi", "RIFF\0\0\0\0AVI LIST"u8.ToArray(), AudioError.UnsupportedContainer, "'AVI '" },
        { "rf64", "RF64\xFF\xFF\xFF\xFFWAVEds64"u8.ToArray(), AudioError.UnsupportedContainer, "RF64" },
        { "riff cut short", "RIFF\0\0"u8.ToArray(), AudioError.TruncatedHeader, "cut short" },
        { "no chunks", "RIFF\u0004\0\0\0WAVE"u8.ToArray(), AudioError.TruncatedHeader, "cut short" },
        { "chunk header cut short", "RIFF\u0004\0\0\0WAVEfm"u8.ToArray(), AudioError.TruncatedHeader, "chunk header" },
        { "fmt cut short", new WavBuilder().Fmt(1, 1, 16_000, 16).Build()[..30], AudioError.TruncatedHeader, "format chunk" },
        { "metadata cut short", new WavBuilder().Chunk("LIST", new byte[100]).Fmt(1, 1, 16_000, 16).Build()[..60], AudioError.TruncatedHeader, "metadata chunk" },
        { "no data chunk", new WavBuilder().Fmt(1, 1, 16_000, 16).Build(), AudioError.TruncatedHeader, "cut short" },
        { "data before fmt", new WavBuilder().Data(Ramp).Fmt(1, 1, 16_000, 16).Build(), AudioError.MalformedHeader, "before the format chunk" },
        { "fmt too small", new WavBuilder().Chunk("fmt ", new byte[8]).Data(Ramp).Build(), AudioError.MalformedHeader, "format chunk is 8 bytes" },
        { "fmt too large", new WavBuilder().Chunk("fmt ", new byte[5000]).Data(Ramp).Build(), AudioError.MalformedHeader, "format chunk is 5000 bytes" },
        { "garbage chunk id", new WavBuilder().Chunk("\u0001\u0002\u0003\u0004", new byte[4]).Fmt(1, 1, 16_000, 16).Data(Ramp).Build(), AudioError.MalformedHeader, "unreadable name" },
        { "huge metadata", new WavBuilder().Chunk("LIST", new byte[4]).Fmt(1, 1, 16_000, 16).Data(Ramp).Build().Also(b => b[16] = 0xFF).Also(b => b[17] = 0xFF).Also(b => b[18] = 0xFF).Also(b => b[19] = 0x7F), AudioError.MalformedHeader, "metadata" },
        { "ms adpcm", new WavBuilder().Fmt(2, 1, 16_000, 4).Data(Ramp).Build(), AudioError.UnsupportedCodec, "Microsoft ADPCM" },
        { "ima adpcm", new WavBuilder().Fmt(0x11, 1, 16_000, 4).Data(Ramp).Build(), AudioError.UnsupportedCodec, "IMA ADPCM" },
        { "gsm", new WavBuilder().Fmt(0x31, 1, 8_000, 0, blockAlign: 65).Data(Ramp).Build(), AudioError.UnsupportedCodec, "GSM 6.10" },
        { "mp3 in wav", new WavBuilder().Fmt(0x55, 1, 16_000, 0, blockAlign: 1).Data(Ramp).Build(), AudioError.UnsupportedCodec, "MP3" },
        { "unknown tag", new WavBuilder().Fmt(0x1234, 1, 16_000, 16).Data(Ramp).Build(), AudioError.UnsupportedCodec, "format tag 0x1234" },
        { "extensible adpcm", new WavBuilder().FmtExtensible(2, 1, 16_000, 16).Data(Ramp).Build(), AudioError.UnsupportedCodec, "Microsoft ADPCM" },
        { "12-bit pcm", new WavBuilder().Fmt(1, 1, 16_000, 12).Data(Ramp).Build(), AudioError.UnsupportedBitDepth, "12-bit PCM" },
        { "16-bit float", new WavBuilder().Fmt(3, 1, 16_000, 16).Data(Ramp).Build(), AudioError.UnsupportedCodec, "16-bit IEEE float" },
        { "16-bit a-law", new WavBuilder().Fmt(6, 1, 16_000, 16).Data(Ramp).Build(), AudioError.UnsupportedCodec, "16-bit A-law" },
        { "zero channels", new WavBuilder().Fmt(1, 0, 16_000, 16, blockAlign: 2).Data(Ramp).Build(), AudioError.UnsupportedChannels, "zero channels" },
        { "nine channels", new WavBuilder().Fmt(1, 9, 16_000, 16).Data(Ramp).Build(), AudioError.UnsupportedChannels, "9 channels" },
        { "rate zero", WavBuilder.Pcm16(Ramp, 0, 1), AudioError.UnsupportedSampleRate, "0 Hz" },
        { "rate too low", WavBuilder.Pcm16(Ramp, 4_000, 1), AudioError.UnsupportedSampleRate, "4000 Hz" },
        { "rate too high", WavBuilder.Pcm16(Ramp, 192_000, 1), AudioError.UnsupportedSampleRate, "192000 Hz" },
        { "rate absurd", WavBuilder.Pcm16(Ramp, 1_000_000_000, 1), AudioError.UnsupportedSampleRate, "1000000000 Hz" },
        { "block align lies", new WavBuilder().Fmt(1, 2, 16_000, 16, blockAlign: 3).Data(Ramp).Build(), AudioError.MalformedHeader, "block size" },
        { "block align zero", new WavBuilder().Fmt(1, 1, 16_000, 16, blockAlign: 0).Data(Ramp).Build(), AudioError.MalformedHeader, "block size" },
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
