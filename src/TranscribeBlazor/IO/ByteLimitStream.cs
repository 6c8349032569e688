using TranscribeBlazor.IO;

namespace TranscribeBlazor.IO;

/// <summary>Ends a stream at <c>limit</c> bytes, remembering whether there was more.</summary>
internal sealed class ByteLimitStream(Stream inner, long limit) : ForwardReadStream
{
    private long _read;

    /// <summary>True once the source offered more than the limit.</summary>
    public bool LimitReached { get; private set; }

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

}
