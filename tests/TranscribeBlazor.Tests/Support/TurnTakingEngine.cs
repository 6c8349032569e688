using System.Runtime.CompilerServices;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// An engine that takes a turn from shared <see cref="DecoderTurns"/> before it transcribes, as PocketSphinx
/// takes a decoder from its pool, and holds it until it ends; so sessions of several clients can compete for
/// few recognisers without a native one.
/// </summary>
internal sealed class TurnTakingEngine(DecoderTurns turns, ITranscriptionEngine inner) : ITranscriptionEngine
{
    public string Id => inner.Id;
    public string DisplayName => inner.DisplayName;
    public int SampleRate => inner.SampleRate;

    public ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) => inner.CheckAvailabilityAsync(cancellationToken);

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var turn = await turns.TakeAsync(request.Client ?? "", cancellationToken, request.OnQueuePlace);
        await foreach (var result in inner.TranscribeAsync(audio, request, cancellationToken))
            yield return result;
    }
}
