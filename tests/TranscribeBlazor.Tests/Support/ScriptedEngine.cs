using System.Runtime.CompilerServices;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// An engine that reads all the audio it is given and answers with a fixed script of results, one
/// after each chunk, optionally waiting for a gate before each result, so session behaviour can be
/// tested without a recogniser.
/// </summary>
public sealed class ScriptedEngine(params TranscriptResult[] script) : ITranscriptionEngine
{
    public string Id => "scripted";
    public string DisplayName => "Scripted";
    public int SampleRate => 16_000;
    public SemaphoreSlim? Gate { get; init; }

    /// <summary>Places in line to report before reading any audio, as an engine at capacity does.</summary>
    public int[] QueuePlaces { get; init; } = [];
    public int SamplesRead { get; private set; }
    public bool SawCancellation { get; private set; }

    public ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(EngineAvailability.Available);

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int next = 0;
        foreach (int place in QueuePlaces) request.OnQueuePlace?.Invoke(new QueuePlace(place));
        try
        {
            await foreach (var chunk in audio.WithCancellation(cancellationToken))
            {
                SamplesRead += chunk.Length;
                if (next < script.Length)
                {
                    if (Gate is not null) await Gate.WaitAsync(cancellationToken);
                    yield return script[next++];
                }
            }
        }
        finally
        {
            SawCancellation = cancellationToken.IsCancellationRequested;
        }
    }

    public static TranscriptResult Result(string id, string text, bool partial, double start = 0, double end = 1)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var items = words.Select((w, i) => new TranscriptItem(w, start + i * 0.1, start + (i + 1) * 0.1, partial ? null : 0.9, !partial)).ToList();
        return new TranscriptResult(id, start, end, partial, [new TranscriptAlternative(text, items)]);
    }
}
