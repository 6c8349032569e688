using System.Runtime.CompilerServices;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Bench;

/// <summary>Passes everything through to the real engine, counting audio chunks and results, and timing the first partial.</summary>
public sealed class CountingEngine(ITranscriptionEngine inner) : ITranscriptionEngine
{
    public string Id => inner.Id;
    public string DisplayName => inner.DisplayName;
    public int SampleRate => inner.SampleRate;
    public int Chunks;
    public int Partials;
    public int Finals;
    public long FirstPartialTimestamp;
    public readonly List<(long Timestamp, TranscriptResult Result)> Results = [];

    public ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) => inner.CheckAvailabilityAsync(cancellationToken);

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in inner.TranscribeAsync(Count(audio, cancellationToken), request, cancellationToken))
        {
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (result.IsPartial) { if (Partials++ == 0) FirstPartialTimestamp = now; }
            else Finals++;
            lock (Results) Results.Add((now, result));
            yield return result;
        }
    }

    private async IAsyncEnumerable<ReadOnlyMemory<short>> Count(IAsyncEnumerable<ReadOnlyMemory<short>> audio, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in audio.WithCancellation(cancellationToken))
        {
            Chunks++;
            yield return chunk;
        }
    }
}
