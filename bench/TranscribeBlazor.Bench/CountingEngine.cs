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
    public long FirstChunkTimestamp;
    public double FirstPartialAudioEnd;
    public long SamplesIn;
    public double AudioInAtFirstPartial;
    public readonly List<(long Timestamp, TranscriptResult Result)> Results = [];

    public ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) => inner.CheckAvailabilityAsync(cancellationToken);

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in inner.TranscribeAsync(Count(audio, cancellationToken), request, cancellationToken))
        {
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (result.IsPartial) { if (Partials++ == 0) (FirstPartialTimestamp, FirstPartialAudioEnd, AudioInAtFirstPartial) = (now, result.EndTime, Interlocked.Read(ref SamplesIn) / 16_000.0); }
            else Finals++;
            lock (Results) Results.Add((now, result));
            yield return result;
        }
    }

    private async IAsyncEnumerable<ReadOnlyMemory<short>> Count(IAsyncEnumerable<ReadOnlyMemory<short>> audio, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in audio.WithCancellation(cancellationToken))
        {
            if (Chunks++ == 0) FirstChunkTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
            Interlocked.Add(ref SamplesIn, chunk.Length);
            yield return chunk;
        }
    }
}
