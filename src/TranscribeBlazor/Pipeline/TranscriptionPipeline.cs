using System.Runtime.CompilerServices;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Pipeline;

/// <summary>
/// Upload stream (or live audio) → decoded, resampled audio → engine → results. Shared by the browser
/// session and the command line so both accept the same files and fail with the same messages.
/// </summary>
public sealed class TranscriptionPipeline : IAsyncDisposable
{
    private readonly IEngineAudio _audio;
    private readonly ITranscriptionEngine _engine;
    private readonly TranscriptionRequest _request;
    private readonly LoudnessMeter _loudness;
    private double _secondsDone = -1; // -1 until the engine reports it: then the engine reads ahead of its decoding

    private TranscriptionPipeline(IEngineAudio audio, ITranscriptionEngine engine, TranscriptionRequest request, bool isFile)
    {
        _audio = audio;
        _engine = engine;
        _request = isFile ? request with { IsFile = true, OnSecondsDone = seconds => Volatile.Write(ref _secondsDone, seconds) } : request;
        _loudness = new LoudnessMeter(audio.SampleRate);
    }

    public AudioFormatInfo SourceFormat => _audio.Format;

    /// <summary>Seconds of audio read from the source so far.</summary>
    public double SecondsRead => _audio.SecondsRead;

    /// <summary>
    /// Seconds from the start that are transcribed: what was read, unless the engine reads ahead of its
    /// decoding (a file decoded in pieces at once), then what it reports finished.
    /// </summary>
    public double SecondsProcessed => Volatile.Read(ref _secondsDone) is >= 0 and var done ? Math.Min(done, SecondsRead) : SecondsRead;

    /// <summary>How loud the audio read so far is, for the timeline under the player; cheap to take (no copy).</summary>
    public LoudnessEnvelope Loudness => _loudness.Snapshot();

    /// <summary>Why the transcript may not cover the whole file (limits, truncation); empty when it does.</summary>
    public IReadOnlyList<string> Notices => _audio.Notices;

    /// <summary>Reads the header (so a bad file fails here, before any engine work) and checks the engine can run.</summary>
    /// <param name="wholeFile">The same input as a seekable file, once complete, for an MP4 whose index comes last (see <see cref="WholeFile"/>).</param>
    public static async Task<TranscriptionPipeline> OpenAsync(Stream source, ITranscriptionEngine engine, AudioInputOptions input, CancellationToken cancellationToken, TranscriptionRequest? request = null, WholeFile? wholeFile = null)
    {
        await EnsureAvailableAsync(engine, cancellationToken).ConfigureAwait(false);
        var audio = await EngineAudioReader.OpenAsync(source, engine.SampleRate, input, cancellationToken, wholeFile).ConfigureAwait(false);
        return new TranscriptionPipeline(audio, engine, request ?? TranscriptionRequest.Default, isFile: true);
    }

    /// <summary>Audio that is already in the engine's form (a live recording); the pipeline disposes it.</summary>
    public static async Task<TranscriptionPipeline> OpenAsync(IEngineAudio audio, ITranscriptionEngine engine, CancellationToken cancellationToken, TranscriptionRequest? request = null)
    {
        await EnsureAvailableAsync(engine, cancellationToken).ConfigureAwait(false);
        if (audio.SampleRate != engine.SampleRate)
            throw new TranscriptionEngineException($"{engine.DisplayName} takes {engine.SampleRate} Hz audio, not {audio.SampleRate} Hz.");
        return new TranscriptionPipeline(audio, engine, request ?? TranscriptionRequest.Default, isFile: false);
    }

    private static async Task EnsureAvailableAsync(ITranscriptionEngine engine, CancellationToken cancellationToken)
    {
        var availability = await engine.CheckAvailabilityAsync(cancellationToken).ConfigureAwait(false);
        if (!availability.IsAvailable)
            throw new TranscriptionEngineException($"{engine.DisplayName} is unavailable: {availability.Reason}");
    }

    public async IAsyncEnumerable<TranscriptResult> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in _engine.TranscribeAsync(MeteredAsync(cancellationToken), _request, cancellationToken).ConfigureAwait(false))
            yield return result;
    }

    /// <summary>The audio on its way to the engine, each chunk measured by the loudness meter first (no allocation per chunk).</summary>
    private async IAsyncEnumerable<ReadOnlyMemory<short>> MeteredAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in _audio.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            _loudness.Add(chunk.Span);
            yield return chunk;
        }
        _loudness.Flush();
    }

    public ValueTask DisposeAsync() => _audio.DisposeAsync();
}
