namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>Use of one pooled decoder; disposing returns it.</summary>
internal sealed class DecoderLease(DecoderPool pool, PocketSphinxDecoder decoder) : IDisposable
{
    private int _returned;

    public PocketSphinxDecoder Decoder { get; } = decoder;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
            pool.Return(Decoder);
    }
}
