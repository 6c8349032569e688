using TranscribeBlazor.IO;

namespace TranscribeBlazor.IO;

/// <summary>Replays bytes already read from a non-seekable stream (to sniff its format), then the rest of it.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream inner) : ForwardReadStream
{
    private int _prefixPosition;


    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_prefixPosition < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
            prefix.AsMemory(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }
        return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

}
