using System.Runtime.CompilerServices;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// An engine that only has a name and an availability, for what lists engines (the settings panel);
/// it reads whatever audio it is given and hears nothing.
/// </summary>
public sealed class FakeEngine(string id, string displayName, string? unavailableReason = null) : ITranscriptionEngine
{
    public string Id => id;
    public string DisplayName => displayName;
    public int SampleRate => 16_000;

    public ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(unavailableReason is null ? EngineAvailability.Available : EngineAvailability.Unavailable(unavailableReason));

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var _ in audio.WithCancellation(cancellationToken)) { }
        yield break;
    }
}
