using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Engines.PocketSphinx;

[Trait(Category.Name, Category.Engine)]
public sealed class PocketSphinxEngineTests(ITestOutputHelper output)
{
    /// <summary>
    /// Bound for the five LibriVox utterances, each decoded as its own streaming session. Measured
    /// 2026-11-21: 33.8 % (24 of 71 words). For scale: Debian's expected batch output (test-lm.match)
    /// scores 28 %, and pocketsphinx_continuous, the bare streaming decoder, about 35 %. Live cepstral
    /// normalisation starts from the model's initial mean on these short clips, which costs the few
    /// points against batch. 38 % is the measurement plus three words: tolerant of float noise, but
    /// a pipeline that starts losing or garbling audio (bad resampling, utterances cut) fails it.
    /// </summary>
    private const double MaxWordErrorRate = 0.38;

    [PocketSphinxFact]
    public async Task LibriVoxUtterances_AreTranscribedWithinTheMeasuredWordErrorRate()
    {
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;
        int errors = 0, words = 0;
        foreach (var (path, reference) in TestAssets.LibriVox())
        {
            var results = await EngineFactory.TranscribeAsync(engine, File.ReadAllBytes(path));
            string hypothesis = EngineFactory.FinalText(results);
            int e = WordErrorRate.Errors(reference, hypothesis);
            output.WriteLine($"{Path.GetFileName(path)}: {e}/{WordErrorRate.Words(reference).Length}  \"{hypothesis}\"");
            errors += e;
            words += WordErrorRate.Words(reference).Length;
        }
        double wer = (double)errors / words;
        output.WriteLine($"WER {wer:P1} ({errors}/{words})");
        Assert.InRange(wer, 0, MaxWordErrorRate);
    }

    [PocketSphinxFact]
    public async Task Results_ArePartialsThenAFinal_WithTimesInsideTheAudio()
    {
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;
        var path = TestAssets.LibriVox()[0].Path;
        var results = await EngineFactory.TranscribeAsync(engine, File.ReadAllBytes(path));

        var first = results.First(r => !r.IsPartial);
        var partialsBefore = results.TakeWhile(r => r.IsPartial).ToList();
        Assert.True(partialsBefore.Select(p => p.Transcript).Distinct().Count() >= 3, "expected the partial to be rewritten several times");
        Assert.All(partialsBefore, p => Assert.Equal(first.ResultId, p.ResultId));
        Assert.All(first.Items, i =>
        {
            Assert.InRange(i.StartTime, 0, 7.2);
            Assert.True(i.EndTime > i.StartTime);
            Assert.InRange(i.Confidence!.Value, 0, 1);
            Assert.True(i.Stable);
        });
        Assert.Contains("leisure", first.Transcript);
    }

    [PocketSphinxFact]
    public async Task ReusedDecoder_GivesTheSameResultAsAFreshOne()
    {
        var (engine, pool) = EngineFactory.PocketSphinx(maxDecoders: 1);
        using var poolScope = pool;
        var files = TestAssets.LibriVox();
        var target = File.ReadAllBytes(files[1].Path);

        string fresh = EngineFactory.FinalText(await EngineFactory.TranscribeAsync(engine, target));
        await EngineFactory.TranscribeAsync(engine, File.ReadAllBytes(files[0].Path)); // leaves its cepstral mean behind
        string reused = EngineFactory.FinalText(await EngineFactory.TranscribeAsync(engine, target));

        Assert.Equal(1, pool.Created);
        Assert.Equal(fresh, reused);
    }

    [PocketSphinxFact]
    public async Task Pool_NeverCreatesMoreDecodersThanItsCapacity_AndQueuesTheRest()
    {
        var (engine, pool) = EngineFactory.PocketSphinx(maxDecoders: 2);
        using var poolScope = pool;
        var wav = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);
        var runs = Enumerable.Range(0, 5).Select(_ => EngineFactory.TranscribeAsync(engine, wav)).ToArray();
        var texts = (await Task.WhenAll(runs)).Select(EngineFactory.FinalText).ToList();

        Assert.Equal(2, pool.Created);
        Assert.Equal(2, pool.Idle);
        Assert.Single(texts.Distinct());
    }

    [PocketSphinxFact]
    public async Task Cancelling_StopsTheRun_AndReturnsTheDecoder()
    {
        var (engine, pool) = EngineFactory.PocketSphinx(maxDecoders: 1);
        using var poolScope = pool;
        var wav = TestAssets.JoinedLibriVoxWav(out var references);
        using var cancel = new CancellationTokenSource();
        var seen = new List<TranscriptResult>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            using var stream = new MemoryStream(wav);
            await using var pipeline = await TranscribeBlazor.Pipeline.TranscriptionPipeline.OpenAsync(stream, engine, TranscribeBlazor.Audio.AudioInputOptions.Default, cancel.Token);
            await foreach (var result in pipeline.RunAsync(cancel.Token))
            {
                seen.Add(result);
                cancel.Cancel();
            }
        });

        Assert.Single(seen);
        Assert.Equal(1, pool.Idle); // back in the pool, usable again
        var again = await EngineFactory.TranscribeAsync(engine, File.ReadAllBytes(TestAssets.LibriVox()[1].Path));
        Assert.Contains("young man", EngineFactory.FinalText(again));
    }
}
