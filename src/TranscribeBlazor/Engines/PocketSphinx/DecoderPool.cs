using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Bounded pool of decoders shared by all circuits. Creating one costs ~0.3 s and ~140 MB, so they are
/// made lazily, reused (reset between sessions) and never more than <see cref="PocketSphinxOptions.MaxDecoders"/>;
/// sessions beyond that wait in a first-come queue and are told their place in it as it changes.
/// </summary>
public sealed class DecoderPool : IDisposable
{
    private readonly Func<PocketSphinxDecoder> _factory;
    private readonly ConcurrentStack<PocketSphinxDecoder> _idle = new();
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private int _freeSlots;
    private int _created;
    private bool _disposed;

    public DecoderPool(IOptions<PocketSphinxOptions> options)
        : this(() => PocketSphinxDecoder.Create(options.Value), options.Value.MaxDecoders) { }

    internal DecoderPool(Func<PocketSphinxDecoder> factory, int capacity)
    {
        _factory = factory;
        Capacity = capacity;
        _freeSlots = capacity;
    }

    public int Capacity { get; }

    /// <summary>Native decoders alive now (idle or leased).</summary>
    public int Created => Volatile.Read(ref _created);

    public int Idle => _idle.Count;

    /// <summary>Sessions waiting for a decoder.</summary>
    public int Waiting { get { lock (_gate) return _queue.Count; } }

    /// <summary>
    /// Proves a decoder can be made (readiness): creates the first one if none exists yet, leaving it
    /// idle for the next session. Throws what creation throws (missing or broken model files).
    /// </summary>
    public async Task EnsureOneAsync(CancellationToken cancellationToken)
    {
        if (Created > 0) return;
        using var lease = await RentAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <param name="onPlace">Told the caller's place in the queue (1 = next) whenever it changes, and 0 once a decoder is its; never called if one is free at once.</param>
    internal async Task<DecoderLease> RentAsync(CancellationToken cancellationToken, Action<int>? onPlace = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Waiter? waiter = null;
        int place = 0;
        lock (_gate)
        {
            if (_freeSlots > 0)
                _freeSlots--;
            else
            {
                waiter = new Waiter(onPlace);
                waiter.Node = _queue.AddLast(waiter);
                place = waiter.Place = _queue.Count;
            }
        }
        if (waiter is not null)
        {
            onPlace?.Invoke(place);
            await using (cancellationToken.Register(() => Leave(waiter)).ConfigureAwait(false))
                await waiter.Granted.Task.ConfigureAwait(false);
            onPlace?.Invoke(0);
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
            ReleaseSlot();
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
        ReleaseSlot();
    }

    /// <summary>A slot came free: the longest-waiting caller gets it, and everyone behind moves up.</summary>
    private void ReleaseSlot()
    {
        Waiter? next = null;
        List<(Waiter, int)> moved = [];
        lock (_gate)
        {
            if (_queue.First is { } head)
            {
                _queue.RemoveFirst();
                next = head.Value;
                moved = PlacesLocked();
            }
            else
                _freeSlots++;
        }
        next?.Granted.TrySetResult();
        Tell(moved);
    }

    /// <summary>A waiting caller gave up (cancelled): out of the queue, and those behind move up.</summary>
    private void Leave(Waiter waiter)
    {
        List<(Waiter, int)> moved;
        lock (_gate)
        {
            if (waiter.Node?.List is null) return; // already given a slot
            _queue.Remove(waiter.Node);
            moved = PlacesLocked();
        }
        waiter.Granted.TrySetCanceled();
        Tell(moved);
    }

    /// <summary>The waiters whose place changed, with their new one.</summary>
    private List<(Waiter, int)> PlacesLocked()
    {
        var moved = new List<(Waiter, int)>();
        int place = 0;
        foreach (var waiter in _queue)
        {
            if (waiter.Place == ++place) continue;
            waiter.Place = place;
            moved.Add((waiter, place));
        }
        return moved;
    }

    private static void Tell(List<(Waiter Waiter, int Place)> places)
    {
        foreach (var (waiter, place) in places) waiter.OnPlace?.Invoke(place);
    }

    private sealed class Waiter(Action<int>? onPlace)
    {
        public Action<int>? OnPlace { get; } = onPlace;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public LinkedListNode<Waiter>? Node { get; set; }
        public int Place { get; set; }
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
