namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Who may use one of the pool's decoders, and who is next. A free decoder is taken at once, whoever asks,
/// when nobody waits; once runs wait, each decoder that comes free goes to the waiting run whose client
/// holds the fewest decoders (the longest waiting among equals). So one client can fill an idle server, but
/// as soon as another client waits, every decoder the first gives back goes to the other until they hold as
/// many: with 2 decoders, a client holding both keeps at most one once its first run ends. Nobody's run is
/// stopped to make room (a recording keeps its decoder until it ends).
/// </summary>
internal sealed class DecoderTurns(int capacity)
{
    private readonly Lock _gate = new();
    private readonly List<Waiter> _queue = []; // in arrival order
    private readonly Dictionary<string, int> _held = [];
    private int _free = capacity;

    public int Capacity { get; } = capacity;

    /// <summary>Runs waiting for a turn.</summary>
    public int Waiting { get { lock (_gate) return _queue.Count; } }

    /// <summary>Decoders <paramref name="client"/> holds now.</summary>
    public int HeldBy(string client) { lock (_gate) return _held.GetValueOrDefault(client); }

    /// <summary>Waits for a decoder for <paramref name="client"/>; disposing the result gives it back.</summary>
    /// <param name="onPlace">Told the run's place whenever it changes while it waits, and <see cref="QueuePlace.Turn"/> once it is its turn; never called if a decoder is free at once.</param>
    public async Task<IDisposable> TakeAsync(string client, CancellationToken cancellationToken, Action<QueuePlace>? onPlace = null)
    {
        Waiter waiter;
        List<(Waiter, QueuePlace)> moved;
        lock (_gate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_queue.Count == 0 && _free > 0)
            {
                _free--;
                _held[client] = _held.GetValueOrDefault(client) + 1;
                return new Turn(this, client);
            }
            waiter = new Waiter(client, onPlace);
            _queue.Add(waiter);
            moved = PlacesLocked(); // a client holding fewer goes ahead of some already waiting
        }
        Tell(moved);
        await using (cancellationToken.Register(() => Leave(waiter)).ConfigureAwait(false))
            await waiter.Granted.Task.ConfigureAwait(false);
        onPlace?.Invoke(QueuePlace.Turn);
        return new Turn(this, client);
    }

    /// <summary>A decoder came free: the waiting run whose client holds the fewest gets it.</summary>
    private void Give(string client)
    {
        Waiter? next = null;
        List<(Waiter, QueuePlace)> moved = [];
        lock (_gate)
        {
            if (--_held[client] == 0) _held.Remove(client);
            if (_queue.Count > 0)
            {
                next = _queue[Fewest(_queue, _held)];
                _queue.Remove(next);
                _held[next.Client] = _held.GetValueOrDefault(next.Client) + 1;
                moved = PlacesLocked();
            }
            else
                _free++;
        }
        next?.Granted.TrySetResult();
        Tell(moved);
    }

    /// <summary>A waiting run gave up (cancelled): out of the line, and the others' places are told again.</summary>
    private void Leave(Waiter waiter)
    {
        List<(Waiter, QueuePlace)> moved;
        lock (_gate)
        {
            if (!_queue.Remove(waiter)) return; // already given its turn
            moved = PlacesLocked();
        }
        waiter.Granted.TrySetCanceled();
        Tell(moved);
    }

    /// <summary>Index of the waiter whose client holds the fewest in <paramref name="held"/>; the first to arrive among equals.</summary>
    private static int Fewest(List<Waiter> line, Dictionary<string, int> held)
    {
        int best = 0;
        for (int i = 1; i < line.Count; i++)
            if (held.GetValueOrDefault(line[i].Client) < held.GetValueOrDefault(line[best].Client))
                best = i;
        return best;
    }

    /// <summary>
    /// Every waiter's place in the order turns would go if no run ended but those granted (at most
    /// <c>MaxConcurrentRuns</c> waiters, 32 by default, so the quadratic walk is nothing); returns those whose place changed.
    /// </summary>
    private List<(Waiter, QueuePlace)> PlacesLocked()
    {
        var held = new Dictionary<string, int>(_held);
        var line = new List<Waiter>(_queue);
        var order = new List<Waiter>(_queue.Count);
        while (line.Count > 0)
        {
            int best = Fewest(line, held);
            var next = line[best];
            line.RemoveAt(best);
            held[next.Client] = held.GetValueOrDefault(next.Client) + 1;
            order.Add(next);
        }
        var moved = new List<(Waiter, QueuePlace)>();
        for (int i = 0; i < order.Count; i++)
        {
            var waiter = order[i];
            int othersAhead = order.Take(i).Count(w => w.Client != waiter.Client);
            var place = new QueuePlace(i + 1, _held.GetValueOrDefault(waiter.Client), Capacity, othersAhead);
            if (place == waiter.Place) continue;
            waiter.Place = place;
            moved.Add((waiter, place));
        }
        return moved;
    }

    private static void Tell(List<(Waiter Waiter, QueuePlace Place)> places)
    {
        foreach (var (waiter, place) in places) waiter.OnPlace?.Invoke(place);
    }

    private sealed class Waiter(string client, Action<QueuePlace>? onPlace)
    {
        public string Client { get; } = client;
        public Action<QueuePlace>? OnPlace { get; } = onPlace;
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public QueuePlace Place { get; set; }
    }

    private sealed class Turn(DecoderTurns owner, string client) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
                owner.Give(client);
        }
    }
}
