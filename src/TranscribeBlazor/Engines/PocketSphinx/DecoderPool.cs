using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Bounded pool of decoders shared by all circuits. Creating one costs ~0.3 s and ~140 MB, so they are
/// made lazily, reused (reset between sessions) and never more than <see cref="PocketSphinxOptions.MaxDecoders"/>;
/// sessions beyond that wait their turn (<see cref="DecoderTurns"/>: a client holding fewer goes first) and are
/// told their place as it changes.
/// </summary>
public sealed class DecoderPool : IDisposable
{
    /// <summary>Who a run is for when the caller does not say (the command line, readiness).</summary>
    internal const string AnyClient = DecoderTurns.AnyClient;

    private readonly Func<PocketSphinxDecoder> _factory;
    private readonly ConcurrentStack<PocketSphinxDecoder> _idle = new();
    private readonly DecoderTurns _turns;
    private int _created;
    private bool _disposed;

    public DecoderPool(IOptions<PocketSphinxOptions> options)
        : this(() => PocketSphinxDecoder.Create(options.Value), options.Value.MaxDecoders, options.Value.DecodersPerClient) { }

    /// <param name="perClient">Decoders one client may hold at once; by default the whole capacity (tests), in the app half of it.</param>
    internal DecoderPool(Func<PocketSphinxDecoder> factory, int capacity, int? perClient = null)
    {
        _factory = factory;
        _turns = new DecoderTurns(capacity, perClient ?? capacity);
    }

    public int Capacity => _turns.Capacity;

    /// <summary>Decoders one client may hold at once.</summary>
    public int PerClient => _turns.PerClient;

    /// <summary>Native decoders alive now (idle or leased).</summary>
    public int Created => Volatile.Read(ref _created);

    public int Idle => _idle.Count;

    /// <summary>Sessions waiting for a decoder.</summary>
    public int Waiting => _turns.Waiting;

    /// <summary>
    /// Proves a decoder can be made (readiness): creates the first one if none exists yet, leaving it
    /// idle for the next session. Throws what creation throws (missing or broken model files).
    /// </summary>
    public async Task EnsureOneAsync(CancellationToken cancellationToken)
    {
        if (Created > 0) return;
        using var lease = await RentAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <param name="onPlace">Told the caller's place in line whenever it changes, and <see cref="QueuePlace.Turn"/> once a decoder is its; never called if one is free at once.</param>
    /// <param name="client">Whom the run is for (a client address): the next free decoder goes to the waiting client holding the fewest.</param>
    internal async Task<DecoderLease> RentAsync(CancellationToken cancellationToken, Action<QueuePlace>? onPlace = null, string? client = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var turn = await _turns.TakeAsync(client ?? AnyClient, cancellationToken, onPlace).ConfigureAwait(false);
        return await LeaseAsync(turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Decoders lent now for one piece of a file each.</summary>
    public int Borrowed => _turns.Borrowed;

    /// <summary>
    /// An extra decoder for one piece of a file, or null at once when none is free or any run waits
    /// (<see cref="DecoderTurns.TryBorrow"/>). Dispose the lease after the piece: a run that arrived
    /// meanwhile then gets it, so it waits at most one piece's decode. Creating a decoder not yet made
    /// (~0.3 s, ~140 MB) happens on a pool thread.
    /// </summary>
    internal Task<DecoderLease>? TryBorrow(CancellationToken cancellationToken)
    {
        if (_disposed || _turns.TryBorrow() is not { } loan) return null;
        return LeaseAsync(loan, cancellationToken);
    }

    /// <summary>An idle decoder, or a new one, for whoever holds <paramref name="turn"/>; the turn passes on if that fails.</summary>
    private async Task<DecoderLease> LeaseAsync(IDisposable turn, CancellationToken cancellationToken)
    {
        try
        {
            if (!_idle.TryPop(out var decoder))
            {
                decoder = await Task.Run(_factory, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _created);
            }
            return new DecoderLease(this, decoder, turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>The decoder goes back idle (or is freed if it failed) before its turn passes to the next run.</summary>
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
