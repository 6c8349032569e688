using Microsoft.Win32.SafeHandles;
using TranscribeBlazor.IO;

namespace TranscribeBlazor.Uploads;

/// <summary>
/// Takes an upload as fast as the browser sends it, into an unnamed temporary file, while the
/// pipeline reads it back at its own pace through <see cref="OpenReader"/>.
/// </summary>
/// <remarks>
/// Why: Blazor Server receives upload chunks as hub calls on the circuit's connection, one call at a
/// time. When the server-side buffer is full (1 MB) the chunk call waits for the reader, and every
/// other message of that circuit (a click on Cancel) waits behind it. A recogniser slower than the
/// network would keep that buffer full for the whole file. Spooling keeps the connection free and
/// memory flat whatever the file's size. The file is unlinked as soon as it is opened, so nothing of
/// the recording is left on disk when the process ends, however it ends.
/// </remarks>
public sealed class UploadSpool : IAsyncDisposable
{
    private const int CopyBufferSize = 64 * 1024;
    private readonly SafeFileHandle _file;
    private readonly CancellationTokenSource _stop;
    private readonly Task _copy;
    private readonly TimeSpan _stallTimeout;
    private readonly SpoolAllowance? _allowance;
    private long _received;
    private TaskCompletionSource _grew = NewSignal();

    private UploadSpool(Stream source, SafeFileHandle file, TimeSpan stallTimeout, SpoolAllowance? allowance, CancellationToken cancellationToken)
    {
        _file = file;
        _allowance = allowance;
        _stallTimeout = stallTimeout;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _copy = Task.Run(() => CopyAsync(source, _stop.Token), CancellationToken.None);
    }

    /// <summary>Bytes of the upload received so far.</summary>
    public long BytesReceived => Interlocked.Read(ref _received);

    /// <summary>Completes when the whole upload has been received (or faults as the upload did).</summary>
    public Task Completion => _copy;

    /// <param name="stallTimeout">How long the reader waits for bytes that do not come before it gives up (<see cref="UploadStalledException"/>); infinite by default.</param>
    /// <param name="allowance">Draws each chunk from the spool's budget before it is written; an upload that outgrows it fails with
    /// <see cref="SpoolFullException"/> (the reader sees it). Given back when the spool is disposed, which then owns it.</param>
    public static UploadSpool Start(Stream source, CancellationToken cancellationToken, string? directory = null, TimeSpan? stallTimeout = null, SpoolAllowance? allowance = null)
    {
        directory = SpoolDirectory.Prepare(directory ?? SpoolDirectory.Default);
        // Our own random name: the client's file name never becomes a path.
        string path = Path.Combine(directory, Path.GetRandomFileName());
        // Synchronous I/O: the bytes were just written and sit in the page cache, so a read is a memory
        // copy; asynchronous file I/O on Linux would be the same copy on another pool thread, plus allocations.
        var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        File.Delete(path);
        return new UploadSpool(source, file, stallTimeout ?? Timeout.InfiniteTimeSpan, allowance, cancellationToken);
    }

    /// <summary>
    /// Waits for the whole upload (giving up as a reader would when it stalls) and gives the spool's file, for a
    /// decoder that must seek. The handle stays the spool's: it is valid until the spool is disposed.
    /// </summary>
    public async Task<SafeFileHandle> WhenCompleteAsync(CancellationToken cancellationToken)
    {
        while (!_copy.IsCompleted)
            await WaitForMoreAsync(Volatile.Read(ref _grew), cancellationToken).ConfigureAwait(false);
        await _copy.ConfigureAwait(false); // rethrows the upload's failure, if any
        return _file;
    }

    /// <summary>
    /// Waits until bytes arrive after <paramref name="grew"/> was taken, or the upload ends; nothing for the stall
    /// timeout is <see cref="UploadStalledException"/>. The copy's end is awaited too: its last signal can fire
    /// before the task counts as completed.
    /// </summary>
    private async Task WaitForMoreAsync(TaskCompletionSource grew, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(grew.Task, _copy).WaitAsync(_stallTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new UploadStalledException(_stallTimeout);
        }
    }

    /// <summary>A forward-only stream over the upload that waits for bytes not yet received.</summary>
    public Stream OpenReader() => new SpoolReader(this);

    private async Task CopyAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[CopyBufferSize];
        await using (source.ConfigureAwait(false))
        {
            long offset = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _allowance?.Grow(read);
                RandomAccess.Write(_file, buffer.AsSpan(0, read), offset);
                offset += read;
                Interlocked.Exchange(ref _received, offset);
                Signal();
            }
        }
    }

    private void Signal() => Interlocked.Exchange(ref _grew, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _copy.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
        _file.Dispose();
        _allowance?.Dispose(); // the copy has ended: nothing grows it any more
    }

    private sealed class SpoolReader(UploadSpool spool) : ForwardReadStream
    {
        private long _position;

        /// <summary>Bytes already here are read at once, without allocating; only a wait for more goes asynchronous.</summary>
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            spool.BytesReceived > _position ? ValueTask.FromResult(ReadAvailable(buffer.Span)) : WaitAndReadAsync(buffer, cancellationToken);

        private int ReadAvailable(Span<byte> buffer)
        {
            int n = (int)Math.Min(buffer.Length, spool.BytesReceived - _position);
            n = RandomAccess.Read(spool._file, buffer[..n], _position);
            _position += n;
            return n;
        }

        private async ValueTask<int> WaitAndReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            while (true)
            {
                var grew = Volatile.Read(ref spool._grew);
                if (spool.BytesReceived > _position)
                    return ReadAvailable(buffer.Span);
                if (spool._copy.IsCompleted)
                {
                    if (spool.BytesReceived > _position) continue;
                    await spool._copy.ConfigureAwait(false); // rethrows the upload's failure, if any
                    return 0;
                }
                await spool.WaitForMoreAsync(grew, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
