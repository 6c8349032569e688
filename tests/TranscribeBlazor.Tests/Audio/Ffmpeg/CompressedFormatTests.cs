using System.Diagnostics;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Audio.Ffmpeg;

/// <summary>Compressed files, encoded by ffmpeg from real speech, go through the product and are recognised.</summary>
[Trait(Category.Name, Category.Engine)]
public sealed class CompressedFormatTests(ITestOutputHelper output)
{
    [FfmpegTheory]
    [InlineData("WAV", "16-bit PCM", "-f", "wav")]
    [InlineData("WAV", "24-bit PCM", "-c:a", "pcm_s24le", "-ar", "44100", "-f", "wav")]
    [InlineData("FLAC", "flac", "-f", "flac")]
    [InlineData("Ogg", "opus", "-c:a", "libopus", "-b:a", "32k", "-f", "ogg")]
    [InlineData("Ogg", "vorbis", "-c:a", "libvorbis", "-f", "ogg")]
    [InlineData("MP3", "mp3", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3")]
    [InlineData("MP4/M4A", "aac", "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart", "-f", "ipod")]
    [InlineData("WebM", "opus", "-c:a", "libopus", "-f", "webm")]
    public async Task EachFormat_IsDetectedFromItsBytes_AndTranscribed(string container, string codec, params string[] encode)
    {
        var (path, reference) = TestAssets.LibriVox()[0];
        var file = Tools.Ffmpeg(File.ReadAllBytes(path), encode);
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;
        await EngineFactory.TranscribeAsync(engine, WavBuilder.Pcm16(new short[1_600], 16_000, 1)); // decoder created and warm

        var clock = Stopwatch.StartNew();
        await using var pipeline = await TranscribeBlazor.Pipeline.TranscriptionPipeline.OpenAsync(new TrickleStream(file, 16 * 1024), engine, AudioInputOptions.Default, CancellationToken.None);
        Assert.Equal(container, pipeline.SourceFormat.Container);
        Assert.Equal(codec, pipeline.SourceFormat.Codec);
        Assert.Equal(1, pipeline.SourceFormat.Channels);

        long firstPartialMs = -1;
        var results = new List<TranscribeBlazor.Transcripts.TranscriptResult>();
        await foreach (var result in pipeline.RunAsync(CancellationToken.None))
        {
            if (result.IsPartial && firstPartialMs < 0) firstPartialMs = clock.ElapsedMilliseconds;
            results.Add(result);
        }
        string text = EngineFactory.FinalText(results);
        double wer = (double)WordErrorRate.Errors(reference, text) / WordErrorRate.Words(reference).Length;
        output.WriteLine($"{container}/{codec}: {file.Length} bytes, first partial after {firstPartialMs} ms, WER {wer:P0}: {text}");
        Assert.True(wer < 0.5, $"{container}/{codec}: WER {wer:P0}");
        Assert.InRange(results.Last().EndTime, 5, 7.2);
    }

    [FfmpegTheory]
    [InlineData("-f", "flac")]
    [InlineData("-c:a", "libopus", "-f", "ogg")]
    public async Task StereoAndOddRates_AreDescribedAsTheyAre(params string[] encode)
    {
        var wav = WavBuilder.Pcm16(Signals.Tone(440, 44_100, 2, channels: 2), 44_100, 2);
        var file = Tools.Ffmpeg(wav, encode);
        await using var reader = await EngineAudioReader.OpenAsync(new MemoryStream(file), 16_000, AudioInputOptions.Default);
        Assert.Equal(2, reader.Format.Channels);
        Assert.Contains(reader.Format.SampleRate, new[] { 44_100, 48_000 }); // Opus always decodes at 48 kHz
        int samples = 0;
        await foreach (var chunk in reader.ReadChunksAsync()) samples += chunk.Length;
        Assert.InRange(samples, 31_500, 32_500);
    }

    [FfmpegFact]
    public async Task AnM4aWithItsIndexAtTheEnd_IsReadFromItsFile_AndFromAPipeIsRefusedWithTheWayOut()
    {
        var wav = WavBuilder.Pcm16(Signals.Tone(440, 16_000, 1), 16_000, 1);
        var fragmented = Tools.Ffmpeg(wav, "-c:a", "aac", "-movflags", "frag_keyframe+empty_moov", "-f", "mp4");
        await (await EngineAudioReader.OpenAsync(new MemoryStream(fragmented), 16_000, AudioInputOptions.Default)).DisposeAsync();

        // A plain ffmpeg (and most recorders') M4A puts the index last: a pipe cannot go back for the samples...
        var indexLast = Tools.Ffmpeg(wav, "-c:a", "aac", "-f", "ipod");
        var e = await Assert.ThrowsAsync<AudioFormatException>(() => EngineAudioReader.OpenAsync(new MemoryStream(indexLast), 16_000, AudioInputOptions.Default));
        Assert.Equal(AudioMessages.IndexAtEndOfPipe("an MP4/M4A"), e.Message);

        // ...ffmpeg reading the file itself can.
        string path = Path.Combine(Path.GetTempPath(), "index-last-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(path, indexLast);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using var reader = await EngineAudioReader.OpenAsync(file, 16_000, AudioInputOptions.Default, default, WholeFile.Of(file));
            int samples = 0;
            await foreach (var chunk in reader.ReadChunksAsync()) samples += chunk.Length;
            Assert.InRange(samples, 15_500, 16_700); // one second, give or take AAC's priming frames
            Assert.Empty(reader.Notices);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [FfmpegFact]
    public async Task WithoutFfmpeg_ACompressedFileSaysExactlyThat()
    {
        var file = "fLaC\0\0\0\"\u0010\0\u0010\0"u8.ToArray();
        var options = new AudioInputOptions { FfmpegPath = "/nonexistent/ffmpeg" };
        var e = await Assert.ThrowsAsync<AudioFormatException>(() => EngineAudioReader.OpenAsync(new MemoryStream(file), 16_000, options));
        Assert.Equal(AudioError.DecoderMissing, e.Error);
        Assert.Equal("This is a FLAC file. Decoding it needs ffmpeg, which is not installed on this server (apt-get install ffmpeg).", e.Message);
    }
}
