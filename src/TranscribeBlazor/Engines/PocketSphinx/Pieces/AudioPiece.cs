namespace TranscribeBlazor.Engines.PocketSphinx.Pieces;

/// <summary>
/// One stretch of a file between two pauses, filled as the file is read and decoded by one decoder,
/// which may start on it while it still grows (the run's own decoder on the earliest piece, so the first
/// partial does not wait for a pause). Samples are appended by one writer and read by one reader.
/// </summary>
internal sealed class AudioPiece(int index, long startSample, int sampleRate)
{
    private readonly Lock _gate = new();
    private short[] _samples = new short[sampleRate * 4];
    private int _written, _published;
    private bool _sealed;
    private TaskCompletionSource _changed = NewSignal();

    public int Index { get; } = index;

    /// <summary>Where the piece starts in the file, in samples.</summary>
    public long StartSample { get; } = startSample;

    public double StartSeconds => (double)StartSample / sampleRate;

    /// <summary>All of the piece is in: a borrowed decoder may take it (it will not wait on the upload).</summary>
    public bool IsSealed { get { lock (_gate) return _sealed; } }

    public void Append(ReadOnlySpan<short> samples)
    {
        lock (_gate)
        {
            if (_written + samples.Length > _samples.Length)
                Array.Resize(ref _samples, Math.Max(_samples.Length * 2, _written + samples.Length)); // a reader's earlier slices keep the old array
            samples.CopyTo(_samples.AsSpan(_written));
            _written += samples.Length;
        }
    }

    /// <summary>Lets the reader have the samples up to <paramref name="count"/>.</summary>
    public void Publish(int count)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            count = Math.Min(count, _written);
            if (count <= _published) return;
            _published = count;
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    /// <summary>The piece ends after <paramref name="length"/> samples; returns those written past that, which begin the next piece.</summary>
    public short[] Seal(int length)
    {
        TaskCompletionSource changed;
        short[] rest;
        lock (_gate)
        {
            length = Math.Min(length, _written);
            rest = _samples[length.._written];
            _written = _published = length;
            _sealed = true;
            changed = _changed;
        }
        changed.TrySetResult();
        return rest;
    }

    /// <summary>A copy of the piece's first <paramref name="count"/> samples (all of it if shorter), once they are in.</summary>
    public async Task<short[]> HeadAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_published >= count || _sealed) return _samples[..Math.Min(count, _published)];
                wait = _changed.Task;
            }
            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The piece's samples as they are published, in chunks of at most <paramref name="chunk"/>, until it is sealed.</summary>
    public async IAsyncEnumerable<ReadOnlyMemory<short>> ReadAsync(int chunk, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int read = 0;
        while (true)
        {
            // Checked at every chunk, not only when waiting: a piece of a file that has arrived never waits,
            // and a Cancel would otherwise be seen only after the piece (15–30 s of audio, seconds of decoding).
            cancellationToken.ThrowIfCancellationRequested();
            ReadOnlyMemory<short> next;
            Task wait;
            lock (_gate)
            {
                if (read < _published)
                {
                    next = _samples.AsMemory(read, Math.Min(chunk, _published - read));
                    wait = Task.CompletedTask;
                }
                else if (_sealed) yield break;
                else
                {
                    next = default;
                    wait = _changed.Task;
                }
            }
            if (next.Length > 0)
            {
                read += next.Length;
                yield return next;
            }
            else
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
