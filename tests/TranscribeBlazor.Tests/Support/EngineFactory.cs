using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Pipeline;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Support;

public static class EngineFactory
{
    public static (PocketSphinxEngine Engine, DecoderPool Pool) PocketSphinx(int maxDecoders = 1)
    {
        var options = Options.Create(new PocketSphinxOptions { MaxDecoders = maxDecoders });
        var pool = new DecoderPool(options);
        return (new PocketSphinxEngine(pool, options), pool);
    }

    /// <summary>Runs a whole WAV through the product's pipeline and returns every result event.</summary>
    public static async Task<List<TranscriptResult>> TranscribeAsync(TranscribeBlazor.Engines.ITranscriptionEngine engine, byte[] wav, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(wav);
        await using var pipeline = await TranscriptionPipeline.OpenAsync(stream, engine, TranscribeBlazor.Audio.AudioInputOptions.Default, cancellationToken);
        var results = new List<TranscriptResult>();
        await foreach (var result in pipeline.RunAsync(cancellationToken))
            results.Add(result);
        return results;
    }

    public static string FinalText(IEnumerable<TranscriptResult> results) =>
        string.Join(' ', results.Where(r => !r.IsPartial).Select(r => r.Transcript).Where(t => t.Length > 0));
}
