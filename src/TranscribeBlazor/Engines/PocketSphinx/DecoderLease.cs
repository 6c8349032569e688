namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>Use of one pooled decoder; disposing returns it, then lets the next waiting run have its turn.</summary>
internal sealed class DecoderLease(DecoderPool pool, PocketSphinxDecoder decoder, IDisposable turn) : IDisposable
{
    private int _returned;

    public PocketSphinxDecoder Decoder { get; } = decoder;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) != 0) return;
        pool.Return(Decoder);
        turn.Dispose();
    }
}
