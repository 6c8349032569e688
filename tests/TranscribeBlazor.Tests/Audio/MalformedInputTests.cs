using TranscribeBlazor.Audio;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio;

/// <summary>
/// Broken files through the whole reader (sniffing, WAV or ffmpeg): each fails with our typed error
/// and a message that says what is wrong, or, where the file is merely short, yields what is there
/// with a notice. The WAV header cases are in <see cref="WavStreamReaderTests"/>; together they make
/// the malformed-input suite.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class MalformedInputTests
{
    private static readonly byte[] Speechless = WavBuilder.Pcm16(new short[16_000], 16_000, 1);

    private static async Task<(AudioFormatInfo Format, int Samples, IReadOnlyList<string> Notices)> ReadAllAsync(byte[] file, AudioInputOptions? options = null)
    {
        await using var reader = await EngineAudioReader.OpenAsync(new TrickleStream(file, 3_000), 16_000, options ?? AudioInputOptions.Default);
        int samples = 0;
        await foreach (var chunk in reader.ReadChunksAsync()) samples += chunk.Length;
        return (reader.Format, samples, reader.Notices);
    }

    private static byte[] Compressed(params string[] encode) =>
        Tools.Ffmpeg(File.ReadAllBytes(TestAssets.LibriVox()[1].Path), encode);

    public static TheoryData<string, Func<byte[]>, string> CorruptCompressed() => new()
    {
        { "flac header only", () => "fLaC\0\0\0\"\u0010\0\u0010\0"u8.ToArray(), "FLAC" },
        { "flac garbage after magic", () => [.. "fLaC"u8.ToArray(), .. Enumerable.Range(0, 4_000).Select(i => (byte)(i * 37))], "FLAC" },
        { "ogg page with garbage", () => [.. "OggS"u8.ToArray(), .. Enumerable.Range(0, 4_000).Select(i => (byte)(i * 13))], "Ogg" },
        { "mp3 tag then noise", () => [.. "ID3\u0004\0\0\0\0\0\0"u8.ToArray(), .. Enumerable.Range(0, 4_000).Select(i => (byte)(i * 7 + 1))], "MP3" },
        { "webm magic only", () => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01], "WebM" },
    };

    [FfmpegTheory]
    [MemberData(nameof(CorruptCompressed))]
    public async Task CorruptCompressedFiles_SayTheyCouldNotBeDecoded(string name, Func<byte[]> make, string container)
    {
        var e = await Assert.ThrowsAsync<AudioFormatException>(() => ReadAllAsync(make()));
        Assert.True(e.Error == AudioError.UndecodableAudio, $"{name}: {e.Error}: {e.Message}");
        Assert.Contains($" {container} file", e.Message);
        Assert.Contains("could not be decoded", e.Message);
    }

    [FfmpegFact]
    public async Task ACompressedFileDamagedInTheMiddle_IsDecodedAroundTheDamage_WithANotice()
    {
        var flac = Compressed("-f", "flac");
        for (int i = flac.Length / 3; i < flac.Length / 2; i++) flac[i] ^= 0x5A;
        var (_, samples, notices) = await ReadAllAsync(flac);
        Assert.True(samples > 16_000, $"{samples} samples");
        var notice = Assert.Single(notices);
        Assert.StartsWith("Parts of this FLAC file are damaged (", notice);
        Assert.EndsWith("); the transcript may have gaps.", notice);
    }

    [FfmpegFact]
    public async Task ATruncatedCompressedFile_YieldsWhatIsThere()
    {
        var flac = Compressed("-f", "flac");
        var (format, samples, _) = await ReadAllAsync(flac[..(flac.Length / 2)]);
        Assert.Equal("FLAC", format.Container);
        Assert.InRange(samples, 16_000 * 0.8, 16_000 * 2.2); // about half of the 2.99 s utterance
    }

    [Fact]
    public async Task TruncatedWavData_YieldsWhatIsThere_WithANotice()
    {
        var (_, samples, notices) = await ReadAllAsync(Speechless[..(44 + 10_000)]);
        Assert.Equal(5_000, samples);
        Assert.Equal([AudioMessages.EndedEarly], notices);
    }

    [Fact]
    public async Task ADeclaredSizeLargerThanTheFile_IsTheSameAsTruncation()
    {
        var wav = new WavBuilder().Fmt(1, 1, 16_000, 16).Data(new short[800]).Build(dataSizeOverride: 1_000_000_000);
        var (format, samples, notices) = await ReadAllAsync(wav);
        Assert.Equal(800, samples);
        Assert.Equal(TimeSpan.FromSeconds(31_250), format.Duration);
        Assert.Equal([AudioMessages.EndedEarly], notices);
    }

    [Fact]
    public async Task AnEmptyDataChunk_IsNotAnError()
    {
        var wav = new WavBuilder().Fmt(1, 1, 16_000, 16).Chunk("data", []).Build(dataSizeOverride: 0);
        var (_, samples, notices) = await ReadAllAsync(wav);
        Assert.Equal(0, samples);
        Assert.Empty(notices);
    }

    [PocketSphinxFact]
    public async Task AFileOfSilence_IsDone_WithNoSpeechFound()
    {
        var engine = EngineFactory.PocketSphinx();
        using var pool = engine.Pool;
        await using var session = TestSessions.Create(engine.Engine);
        session.Start("silence.wav", _ => new MemoryStream(WavBuilder.Pcm16(new short[16_000 * 5], 16_000, 1)));
        await session.Completion;
        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.Equal(SessionMessages.NoSpeech, session.Current.Message);
    }

    [Fact]
    public async Task TextRenamedToWav_IsCalledText()
    {
        var e = await Assert.ThrowsAsync<AudioFormatException>(() => ReadAllAsync("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n"u8.ToArray()));
        Assert.Equal(AudioError.NotAudio, e.Error);
        Assert.StartsWith("This is a text file, not audio.", e.Message);
    }

    [Fact]
    public async Task AnImage_IsNotAudioWeRecognise()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        var e = await Assert.ThrowsAsync<AudioFormatException>(() => ReadAllAsync(png));
        Assert.Equal("This file is not audio we recognise: it is none of WAV, FLAC, Ogg, MP3, M4A, AAC, AMR, 3GP, AIFF, CAF, WMA, WebM, MKV, or a video (MP4, MOV, MKV, WebM).", e.Message);
    }
}
