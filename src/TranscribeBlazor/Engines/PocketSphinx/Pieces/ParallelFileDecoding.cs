using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines.PocketSphinx.Pieces;

/// <summary>
/// One file decoded by several decoders at once. The audio is read ahead and cut at pauses into pieces
/// (<see cref="FileSlicer"/>); the run's own decoder takes them in order (the first while it still arrives,
/// so partials start at once), and each piece that is complete while a decoder is idle and nobody waits
/// goes to a decoder borrowed for that piece alone (<see cref="DecoderPool.TryBorrow"/>). The results are
/// put back in order by <see cref="PieceStitcher"/>. At most <c>Capacity</c> complete pieces wait to be
/// taken (about 1 MB each at 30 s), so memory stays flat however long the file. When reading fails (an
/// upload that stalls, a damaged file), what had arrived is still decoded before the run fails, as one
/// decoder reading the file would have done.
/// </summary>
internal sealed class ParallelFileDecoding(DecoderPool pool, PocketSphinxDecoder own, string resultIdPrefix, int partialInterval, double pieceSeconds, int sampleRate, Action<double>? onSecondsDone)
{
    // A decoder takes its piece's audio in chunks of 100 ms, as the file reader hands it over.
    private const int ChunkSamples = 1_600;
    private const int CmnSeconds = 10;

    private readonly Lock _gate = new();
    private readonly PieceStitcher _stitcher = new();
    private readonly Queue<AudioPiece> _ready = new();
    private readonly Dictionary<int, long> _pieceEnds = [];
    private readonly Dictionary<PocketSphinxDecoder, int> _lastPiece = [];
    private readonly List<TranscriptResult> _emit = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SemaphoreSlim? _slots;
    private bool _readingDone;
    private ExceptionDispatchInfo? _readFailure;
    private long _doneSamples;

    public async Task RunAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, ChannelWriter<TranscriptResult> results, CancellationToken cancellationToken)
    {
        _slots = new SemaphoreSlim(Math.Max(1, pool.Capacity));
        // Said before the first read ahead: until then the pipeline counts what is read as done, and the
        // progress line went 0.0, 5.4, 0.2 s when the first report came after the reader's first pieces.
        onSecondsDone?.Invoke(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(audio, stop.Token), CancellationToken.None);
        var working = new List<Task>();
        Task? ownWork = null;
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    changed = _changed.Task;
                    if (ownWork is null && _ready.Count > 0)
                    {
                        var next = Take(); // here, under the lock: not in the task, where a borrower could take the same piece first
                        working.Add(ownWork = Task.Run(() => DecodeAsync(own, next, results, stop.Token), CancellationToken.None));
                    }
                    // Extra decoders only for complete pieces (a borrowed one never waits on an upload), and only while nobody waits.
                    while (_ready.Count > 0 && _ready.Peek().IsSealed && pool.TryBorrow(stop.Token) is { } borrowing)
                    {
                        var piece = Take();
                        working.Add(Task.Run(async () =>
                        {
                            using var lease = await borrowing.ConfigureAwait(false);
                            await DecodeAsync(lease.Decoder, piece, results, stop.Token).ConfigureAwait(false);
                        }, CancellationToken.None));
                    }
                    if (_readingDone && _ready.Count == 0 && working.Count == 0) break;
                }
                var waitFor = new List<Task>(working) { changed };
                if (!reading.IsCompleted) waitFor.Add(reading);
                await Task.WhenAny(waitFor).ConfigureAwait(false);
                foreach (var task in working.Where(t => t.IsCompleted).ToList())
                {
                    working.Remove(task);
                    if (task == ownWork) ownWork = null;
                    await task.ConfigureAwait(false); // a failed piece fails the run
                }
            }
            await reading.ConfigureAwait(false);
            _readFailure?.Throw(); // after the audio that had arrived was decoded
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(working.Append(reading)).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _slots.Dispose();
        }
    }

    private AudioPiece Take()
    {
        var piece = _ready.Dequeue();
        _slots!.Release();
        return piece;
    }

    private async Task ReadAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, CancellationToken cancellationToken)
    {
        var slicer = new FileSlicer(sampleRate, pieceSeconds);
        var started = new List<AudioPiece>();
        try
        {
            await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sealedBefore = slicer.Current;
                slicer.Push(chunk.Span, started.Add);
                if (sealedBefore is not null && sealedBefore != slicer.Current) Changed(); // a piece became complete: maybe a borrower can take it
                foreach (var piece in started)
                {
                    await _slots!.WaitAsync(cancellationToken).ConfigureAwait(false); // read ahead at most Capacity pieces not yet taken
                    lock (_gate) _ready.Enqueue(piece);
                    Changed();
                }
                started.Clear();
            }
            slicer.Finish();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The pieces already read are decoded first; the last one ends where the audio stopped.
            _readFailure = ExceptionDispatchInfo.Capture(e);
            slicer.Finish();
        }
        finally
        {
            lock (_gate) _readingDone = true;
            Changed();
        }
    }

    private async Task DecodeAsync(PocketSphinxDecoder decoder, AudioPiece piece, ChannelWriter<TranscriptResult> results, CancellationToken cancellationToken)
    {
        bool follows;
        lock (_gate) follows = _lastPiece.TryGetValue(decoder, out int last) && last == piece.Index - 1;
        // The cepstral mean (the channel's average spectrum, which the acoustic model expects removed) is what a
        // decoder reading the whole file would have: carried on when this decoder has just heard the piece before;
        // otherwise measured on this piece's first 10 s, since a borrowed decoder's own starts from the model's
        // initial value and needs ~5 s of speech to adapt. On the corpus's long clips resetting it instead cost
        // 2.1 points of WER (68.5 % against 66.4 % with one decoder). The first piece starts as one decoder would.
        if (!follows && piece.Index > 0)
            decoder.EstimateCmn(await piece.HeadAsync(CmnSeconds * sampleRate, cancellationToken).ConfigureAwait(false));
        var utterances = new UtteranceTracker(decoder, $"{resultIdPrefix}-{piece.Index}", partialInterval, piece.StartSeconds, keepCmn: follows || piece.Index > 0);
        long decoded = 0;
        try
        {
            await foreach (var chunk in piece.ReadAsync(ChunkSamples, cancellationToken).ConfigureAwait(false))
            {
                var result = utterances.Process(chunk.Span);
                decoded += chunk.Length;
                lock (_gate)
                {
                    if (result is not null) _stitcher.Add(piece.Index, result, _emit);
                    if (piece.Index == _stitcher.Head) Progress(piece.StartSample + decoded);
                    Flush(results);
                }
            }
            var last = utterances.Finish();
            lock (_gate)
            {
                if (last is not null) _stitcher.Add(piece.Index, last, _emit);
                _pieceEnds[piece.Index] = piece.StartSample + decoded;
                if (decoder == own) _lastPiece[decoder] = piece.Index; // a borrowed one may serve someone else before we see it again
                _stitcher.Complete(piece.Index, _emit);
                if (_stitcher.Head > 0 && _pieceEnds.TryGetValue(_stitcher.Head - 1, out long end)) Progress(end);
                Flush(results);
            }
        }
        catch
        {
            utterances.Abandon();
            throw;
        }
    }

    private void Flush(ChannelWriter<TranscriptResult> results)
    {
        foreach (var result in _emit) results.TryWrite(result);
        _emit.Clear();
    }

    private void Progress(long samples)
    {
        if (samples <= _doneSamples) return;
        _doneSamples = samples;
        onSecondsDone?.Invoke((double)samples / sampleRate);
    }

    private void Changed()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
