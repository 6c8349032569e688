namespace TranscribeBlazor.Audio;

/// <summary>Ends a stream at <c>limit</c> bytes, remembering whether there was more.</summary>
internal sealed class ByteLimitStream(Stream inner, long limit) : Stream
{
    private long _read;

    /// <summary>True once the source offered more than the limit.</summary>
    public bool LimitReached { get; private set; }

    public long BytesRead => _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (LimitReached) return 0;
        long left = limit - _read;
        // Ask for one byte past the limit: that is how we learn the file is larger.
        int want = (int)Math.Min(buffer.Length, left + 1);
        int n = await inner.ReadAsync(buffer[..want], cancellationToken).ConfigureAwait(false);
        if (n > left)
        {
            LimitReached = true;
            n = (int)left;
        }
        _read += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
