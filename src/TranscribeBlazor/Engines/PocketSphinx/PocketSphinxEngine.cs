using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines.PocketSphinx.Pieces;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// The offline engine: CMU PocketSphinx from Debian, driven the way <c>pocketsphinx_continuous</c>
/// drives it (voice activity splits the stream into utterances), with partial hypotheses read at a
/// fixed audio interval.
/// </summary>
public sealed class PocketSphinxEngine(DecoderPool pool, IOptions<PocketSphinxOptions> options) : ITranscriptionEngine
{
    public const string EngineId = EngineOptions.OfflineEngineId;
    private static int _sessionCounter;

    public string Id => EngineId;

    public string DisplayName => "PocketSphinx (offline)";

    public int SampleRate => 16_000;

    public ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(CheckAvailability());

    private EngineAvailability CheckAvailability()
    {
        var o = options.Value;
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(InteropPocketSphinx.Library, out var library))
            return EngineAvailability.Unavailable($"The PocketSphinx library ({InteropPocketSphinx.Library}) is not installed: apt-get install libpocketsphinx3 pocketsphinx-en-us.");
        System.Runtime.InteropServices.NativeLibrary.Free(library);
        foreach (var path in new[] { o.AcousticModelPath, o.LanguageModelPath, o.DictionaryPath })
            if (!File.Exists(path) && !Directory.Exists(path))
                return EngineAvailability.Unavailable($"The PocketSphinx model file {path} is missing: apt-get install pocketsphinx-en-us, or set Transcription:PocketSphinx:ModelDirectory.");
        return EngineAvailability.Available;
    }

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(
        IAsyncEnumerable<ReadOnlyMemory<short>> audio,
        TranscriptionRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var availability = CheckAvailability();
        if (!availability.IsAvailable)
            throw new TranscriptionEngineException(availability.Reason!);

        var results = Channel.CreateUnbounded<TranscriptResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Decoding runs on a pool thread, never on the caller's (e.g. a circuit's) synchronisation context.
        var decoding = Task.Run(() => DecodeAsync(audio, request, results.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested(); // results already queued are not delivered after a cancel
                yield return result;
            }
            await decoding.ConfigureAwait(false);
        }
        finally
        {
            // Whether we finished, failed or were abandoned: stop decoding and wait until the decoder
            // is back in the pool and the audio source is no longer read.
            stop.Cancel();
            await decoding.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private async Task DecodeAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest request, ChannelWriter<TranscriptResult> results, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            using var lease = await pool.RentAsync(cancellationToken, request.OnQueuePlace, request.Client).ConfigureAwait(false);
            string prefix = $"ps{Interlocked.Increment(ref _sessionCounter)}";
            int partialInterval = options.Value.PartialIntervalMilliseconds * SampleRate / 1000;
            if (request.IsFile && options.Value.ParallelFiles)
            {
                var pieces = new ParallelFileDecoding(pool, lease.Decoder, prefix, partialInterval, options.Value.PieceSeconds, SampleRate, request.OnSecondsDone);
                await pieces.RunAsync(audio, results, cancellationToken).ConfigureAwait(false);
                return;
            }
            var utterances = new UtteranceTracker(lease.Decoder, prefix, partialInterval);
            try
            {
                await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    // Sources may ignore the token while data keeps flowing (a browser upload does).
                    cancellationToken.ThrowIfCancellationRequested();
                    if (utterances.Process(chunk.Span) is { } result)
                        results.TryWrite(result);
                }
                if (utterances.Finish() is { } last)
                    results.TryWrite(last);
            }
            catch
            {
                utterances.Abandon();
                throw;
            }
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            results.TryComplete(failure);
        }
    }
}
