using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Corpus;

/// <summary>
/// Real recordings of each kind people drop, read through the product (format detection, decoding,
/// resampling, engine), with the word error rate reported. Bounds are the rates measured on
/// 2026-11-21 plus a margin: the point is to catch a pipeline that loses or garbles audio, not to
/// grade PocketSphinx. Measured: LibriSpeech FLAC 25.3 %, LJ Speech 36.0 %, FLEURS 79.6 % (accented
/// read speech with digits in the references; the bare pocketsphinx_continuous scores 84.4 % on the
/// same ten files), stereo clip 67.5 % (spontaneous speech with fillers).
/// </summary>
[Trait(Category.Name, Category.Corpus)]
public sealed class CorpusTranscriptionTests(ITestOutputHelper output)
{
    [CorpusTheory]
    [InlineData("librispeech_test_clean", ".flac", "FLAC", 16_000, 8, 0.45)]
    [InlineData("fleurs_en", ".ogg", "Ogg", 48_000, 10, 0.88)]
    [InlineData("ljspeech", ".wav", "WAV", 22_050, 12, 0.45)]
    public async Task CorpusSet_IsReadAndTranscribed(string set, string extension, string container, int sampleRate, int files, double maxWer)
    {
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;
        int errors = 0, words = 0;
        double audio = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var utterances = SharedCorpus.Set(set).Where(u => u.Path.EndsWith(extension)).Take(files).ToList();
        Assert.NotEmpty(utterances);
        foreach (var utterance in utterances)
        {
            using var stream = File.OpenRead(utterance.Path);
            await using var pipeline = await TranscribeBlazor.Pipeline.TranscriptionPipeline.OpenAsync(stream, engine, TranscribeBlazor.Audio.AudioInputOptions.Default, CancellationToken.None);
            Assert.Equal(container, pipeline.SourceFormat.Container);
            Assert.Equal(sampleRate, pipeline.SourceFormat.SampleRate);
            var results = new List<TranscribeBlazor.Transcripts.TranscriptResult>();
            await foreach (var r in pipeline.RunAsync(CancellationToken.None)) results.Add(r);

            string reference = SharedCorpus.Normalize(utterance.Transcript);
            string hypothesis = SharedCorpus.Normalize(EngineFactory.FinalText(results));
            errors += WordErrorRate.Errors(reference, hypothesis);
            words += WordErrorRate.Words(reference).Length;
            audio += pipeline.SecondsRead;
            Assert.InRange(pipeline.SecondsRead, utterance.Seconds - 0.1, utterance.Seconds + 0.1);
            Assert.Empty(pipeline.Notices); // sound files get no warning
        }
        double wer = (double)errors / words;
        output.WriteLine($"{set}: {utterances.Count} files, {audio:0.0} s of {container} audio in {clock.Elapsed.TotalSeconds:0.0} s, WER {wer:P1} ({errors}/{words})");
        Assert.True(wer <= maxWer, $"{set}: WER {wer:P1} above {maxWer:P0}");
    }

    [CorpusFact]
    public async Task TheStereoTwoSpeakerClip_IsMixedDownAndTranscribed()
    {
        string wav = Path.Combine(SharedCorpus.Directory!, "mfa_test_corpus", "wav", "michaelandsickmichael.wav");
        string reference = SharedCorpus.Normalize(SharedCorpus.TextGridTranscript(Path.Combine(SharedCorpus.Directory!, "mfa_test_corpus", "textgrid", "michaelandsickmichael.TextGrid")));
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;

        using var stream = File.OpenRead(wav);
        await using var pipeline = await TranscribeBlazor.Pipeline.TranscriptionPipeline.OpenAsync(stream, engine, TranscribeBlazor.Audio.AudioInputOptions.Default, CancellationToken.None);
        Assert.Equal(2, pipeline.SourceFormat.Channels);
        var results = new List<TranscribeBlazor.Transcripts.TranscriptResult>();
        await foreach (var r in pipeline.RunAsync(CancellationToken.None)) results.Add(r);

        string hypothesis = SharedCorpus.Normalize(EngineFactory.FinalText(results));
        double wer = (double)WordErrorRate.Errors(reference, hypothesis) / WordErrorRate.Words(reference).Length;
        output.WriteLine($"stereo two-speaker clip: {pipeline.SecondsRead:0.0} s, {results.Count(r => !r.IsPartial)} finals, WER {wer:P1}\n{hypothesis}");
        Assert.True(wer <= 0.80, $"WER {wer:P1}");
        Assert.InRange(pipeline.SecondsRead, 52.3, 52.6);
    }

    [CorpusFact]
    public async Task ALibriVoxMp3_IsReadWhole_WithoutAFalseDamageNotice()
    {
        // ffmpeg reading an MP3 from a pipe says "invalid concatenated file detected" of perfectly sound files.
        var sonnet = SharedCorpus.Set("librivox_sonnet_long").Single(u => u.Path.EndsWith("p002.mp3"));
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;

        using var stream = File.OpenRead(sonnet.Path);
        await using var pipeline = await TranscribeBlazor.Pipeline.TranscriptionPipeline.OpenAsync(stream, engine, TranscribeBlazor.Audio.AudioInputOptions.Default, CancellationToken.None);
        Assert.Equal("MP3", pipeline.SourceFormat.Container);
        var results = new List<TranscribeBlazor.Transcripts.TranscriptResult>();
        await foreach (var r in pipeline.RunAsync(CancellationToken.None)) results.Add(r);

        string reference = SharedCorpus.Normalize(sonnet.Transcript);
        string hypothesis = SharedCorpus.Normalize(EngineFactory.FinalText(results));
        double wer = (double)WordErrorRate.Errors(reference, hypothesis) / WordErrorRate.Words(reference).Length;
        output.WriteLine($"LibriVox sonnet MP3: {pipeline.SecondsRead:0.0} s, WER {wer:P1}");
        Assert.Empty(pipeline.Notices);
        Assert.InRange(pipeline.SecondsRead, sonnet.Seconds - 0.2, sonnet.Seconds + 0.2);
        Assert.True(wer <= 0.85, $"WER {wer:P1}");
    }
}
