using System.Diagnostics;

namespace TranscribeBlazor.Bench;

/// <summary>
/// A file arriving as an upload does: at a fixed rate (bytes per second; 0 = as fast as read), noting
/// when a chosen byte offset has been handed over. Content comes from a function, so a 200 MB file
/// need not exist in memory.
/// </summary>
public sealed class FeedStream(long length, Func<long, Memory<byte>, int> fill, double bytesPerSecond, long markOffset = long.MaxValue, int pieceBytes = 32 * 1024)
    : TranscribeBlazor.IO.ForwardReadStream
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _position;

    /// <summary>Bytes handed over so far.</summary>
    public long Delivered => Interlocked.Read(ref _position);

    /// <summary>When the last byte was handed over (a Stopwatch timestamp), or 0.</summary>
    public long EndTimestamp { get; private set; }

    /// <summary>When <c>markOffset</c> bytes had been delivered (a Stopwatch timestamp), or 0.</summary>
    public long MarkTimestamp { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length) return 0;
        int n = (int)Math.Min(Math.Min(buffer.Length, pieceBytes), length - _position);
        if (bytesPerSecond > 0)
        {
            var due = TimeSpan.FromSeconds((_position + n) / bytesPerSecond) - Stopwatch.GetElapsedTime(_started);
            if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken);
        }
        n = fill(_position, buffer[..n]);
        Interlocked.Add(ref _position, n);
        if (_position >= length) EndTimestamp = Stopwatch.GetTimestamp();
        if (MarkTimestamp == 0 && _position >= markOffset) MarkTimestamp = Stopwatch.GetTimestamp();
        return n;
    }

    /// <param name="pieceBytes">Bytes per delivery: 32 KB as Blazor uploads a file; 3,200 (100 ms) as a microphone sends.</param>
    public static FeedStream Of(byte[] file, double bytesPerSecond, long markOffset = long.MaxValue, int pieceBytes = 32 * 1024) =>
        new(file.Length, (offset, into) => { int n = (int)Math.Min(into.Length, file.Length - offset); file.AsMemory((int)offset, n).CopyTo(into); return n; }, bytesPerSecond, markOffset, pieceBytes);
}
