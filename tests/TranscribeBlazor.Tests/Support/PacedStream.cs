using System.Diagnostics;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// A request body that arrives at a set pace: <c>chunk</c> bytes every <c>interval</c>, from bytes in
/// memory or made on the fly (<see cref="Length"/> bytes from <c>fill</c>). Says when it handed out its last byte.
/// </summary>
public sealed class PacedStream(long length, Action<long, Span<byte>> fill, int chunk, TimeSpan interval) : Stream
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _position;

    public PacedStream(byte[] data, int chunk, TimeSpan interval)
        : this(data.Length, (offset, span) => data.AsSpan((int)offset, span.Length).CopyTo(span), chunk, interval) { }

    /// <summary>Time since the stream was made when the last byte was read; null while bytes remain.</summary>
    public TimeSpan? Finished { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length)
        {
            Finished ??= _clock.Elapsed;
            return 0;
        }
        // Paced by the clock, not by the sum of delays: a slow reader does not slow the pace further.
        var due = interval * (_position / chunk);
        if (due > _clock.Elapsed) await Task.Delay(due - _clock.Elapsed, cancellationToken);
        int n = (int)Math.Min(Math.Min(buffer.Length, chunk - _position % chunk), length - _position);
        fill(_position, buffer.Span[..n]);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
