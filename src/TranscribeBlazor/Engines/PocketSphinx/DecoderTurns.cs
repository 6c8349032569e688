namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Who may use one of the pool's decoders, and who is next. One client (an address: all its tabs and
/// windows) holds at most <paramref name="perClient"/> decoders at once, so however long its runs are (a
/// recording can last hours, and nobody's run is stopped to make room) others can start. Each decoder that
/// comes free goes to the waiting run whose client holds the fewest (the longest waiting among equals).
/// With 2 decoders and the default of half, a client's second file waits for its first, and the other
/// decoder stays free for someone else. <see cref="AnyClient"/> (the command line, readiness) has no cap.
/// </summary>
internal sealed class DecoderTurns(int capacity, int perClient)
{
    /// <summary>Runs for nobody in particular: uncapped.</summary>
    public const string AnyClient = "";

    private readonly Lock _gate = new();
    private readonly List<Waiter> _queue = []; // in arrival order
    private readonly Dictionary<string, int> _held = [];
    private int _free = capacity;
    private int _borrowed;

    public int Capacity { get; } = capacity;

    /// <summary>Decoders one client may hold at once.</summary>
    public int PerClient { get; } = Math.Clamp(perClient, 1, capacity);

    /// <summary>Runs waiting for a turn.</summary>
    public int Waiting { get { lock (_gate) return _queue.Count; } }

    /// <summary>Decoders lent for one piece of a file (<see cref="TryBorrow"/>) and not yet given back.</summary>
    public int Borrowed { get { lock (_gate) return _borrowed; } }

    /// <summary>
    /// An extra decoder for one piece of a file, only if one is free and no run waits (whoever it is for:
    /// a borrowed decoder must never stand between a waiting run and its turn). It is not counted against
    /// the client's cap: it goes back after one piece (a few seconds of decoding), and a run that arrives
    /// meanwhile gets it then, since nothing is lent while it waits. Null when none may be lent.
    /// </summary>
    public IDisposable? TryBorrow()
    {
        lock (_gate)
        {
            if (_free == 0 || _queue.Count > 0) return null;
            _free--;
            _borrowed++;
            return new Loan(this);
        }
    }

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
            // Free decoders only exist while every waiter is at its client's cap (DispatchLocked keeps it so).
            if (_free > 0 && MayTake(client, _held))
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

    /// <summary>A decoder came free: the waiting run whose client holds the fewest (and is under its cap) gets it.</summary>
    private void Give(string client)
    {
        List<Waiter> granted;
        List<(Waiter, QueuePlace)> moved;
        lock (_gate)
        {
            if (--_held[client] == 0) _held.Remove(client);
            _free++;
            granted = DispatchLocked();
            moved = PlacesLocked();
        }
        foreach (var next in granted) next.Granted.TrySetResult();
        Tell(moved);
    }

    /// <summary>A lent decoder came back: free again, for the first waiting run if any.</summary>
    private void GiveBack()
    {
        List<Waiter> granted;
        List<(Waiter, QueuePlace)> moved;
        lock (_gate)
        {
            _borrowed--;
            _free++;
            granted = DispatchLocked();
            moved = PlacesLocked();
        }
        foreach (var next in granted) next.Granted.TrySetResult();
        Tell(moved);
    }

    /// <summary>Gives free decoders to waiting runs whose client may take one, fewest held first.</summary>
    private List<Waiter> DispatchLocked()
    {
        var granted = new List<Waiter>();
        while (_free > 0 && Fewest(_queue, _held) is int index and >= 0)
        {
            var next = _queue[index];
            _queue.RemoveAt(index);
            _held[next.Client] = _held.GetValueOrDefault(next.Client) + 1;
            _free--;
            granted.Add(next);
        }
        return granted;
    }

    private bool MayTake(string client, Dictionary<string, int> held) => client == AnyClient || held.GetValueOrDefault(client) < PerClient;

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

    /// <summary>Index of the waiter under its cap whose client holds the fewest in <paramref name="held"/> (the first to arrive among equals); -1 when none may take one.</summary>
    private int Fewest(List<Waiter> line, Dictionary<string, int> held)
    {
        int best = -1;
        for (int i = 0; i < line.Count; i++)
            if (MayTake(line[i].Client, held) && (best < 0 || held.GetValueOrDefault(line[i].Client) < held.GetValueOrDefault(line[best].Client)))
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
            // A run at its client's cap waits for one of its own to end: counted after those that may go.
            int best = Math.Max(0, Fewest(line, held));
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
            var place = new QueuePlace(i + 1, _held.GetValueOrDefault(waiter.Client), Capacity, othersAhead, AtCap: PerClient < Capacity && !MayTake(waiter.Client, _held));
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

    private sealed class Loan(DecoderTurns owner) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
                owner.GiveBack();
        }
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
