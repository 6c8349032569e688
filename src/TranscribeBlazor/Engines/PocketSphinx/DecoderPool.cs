using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Bounded pool of decoders shared by all circuits. Creating one costs ~0.3 s and ~140 MB, so they are
/// made lazily, reused (reset between sessions) and never more than <see cref="PocketSphinxOptions.MaxDecoders"/>;
/// sessions beyond that wait in arrival order.
/// </summary>
public sealed class DecoderPool : IDisposable
{
    private readonly Func<PocketSphinxDecoder> _factory;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<PocketSphinxDecoder> _idle = new();
    private int _created;
    private int _waiting;
    private bool _disposed;

    public DecoderPool(IOptions<PocketSphinxOptions> options)
        : this(() => PocketSphinxDecoder.Create(options.Value), options.Value.MaxDecoders) { }

    internal DecoderPool(Func<PocketSphinxDecoder> factory, int capacity)
    {
        _factory = factory;
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    public int Capacity { get; }

    /// <summary>Native decoders alive now (idle or leased).</summary>
    public int Created => Volatile.Read(ref _created);

    public int Idle => _idle.Count;

    /// <summary>Sessions waiting for a decoder.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Proves a decoder can be made (readiness): creates the first one if none exists yet, leaving it
    /// idle for the next session. Throws what creation throws (missing or broken model files).
    /// </summary>
    public async Task EnsureOneAsync(CancellationToken cancellationToken)
    {
        if (Created > 0) return;
        using var lease = await RentAsync(cancellationToken).ConfigureAwait(false);
    }

    internal async Task<DecoderLease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Interlocked.Increment(ref _waiting);
        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            if (!_idle.TryPop(out var decoder))
            {
                decoder = await Task.Run(_factory, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _created);
            }
            return new DecoderLease(this, decoder);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    internal void Return(PocketSphinxDecoder decoder)
    {
        if (decoder.IsFaulted || _disposed)
        {
            decoder.Dispose();
            Interlocked.Decrement(ref _created);
        }
        else
        {
            _idle.Push(decoder);
        }
        _slots.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryPop(out var decoder))
        {
            decoder.Dispose();
            Interlocked.Decrement(ref _created);
        }
    }
}
