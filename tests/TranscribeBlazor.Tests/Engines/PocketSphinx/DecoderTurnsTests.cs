using System.Collections.Concurrent;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.PocketSphinx;

namespace TranscribeBlazor.Tests.Engines.PocketSphinx;

/// <summary>
/// Who gets the pool's next decoder: anyone at once when nobody waits; once runs wait, the client holding the
/// fewest, so one client (a recording, several tabs) cannot keep the others out.
/// </summary>
[Trait(Category.Name, Category.Unit)]
public sealed class DecoderTurnsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task OnAnIdleServer_OneClientMayTakeEveryDecoder_AtOnce()
    {
        var turns = new DecoderTurns(2, perClient: 2);
        var places = new ConcurrentQueue<QueuePlace>();
        using var first = await turns.TakeAsync("A", CancellationToken.None, places.Enqueue);
        using var second = await turns.TakeAsync("A", CancellationToken.None, places.Enqueue);
        Assert.Equal(2, turns.HeldBy("A"));
        Assert.Empty(places);
    }

    [Fact]
    public async Task AClientHoldingEveryDecoder_GivesTheNextOneUpToAnotherWhoWaits_EvenIfItsOwnRunWaitedLonger()
    {
        var turns = new DecoderTurns(2, perClient: 2);
        var a1 = await turns.TakeAsync("A", CancellationToken.None);
        var a2 = await turns.TakeAsync("A", CancellationToken.None);
        var (aPlaces, bPlaces) = (new ConcurrentQueue<QueuePlace>(), new ConcurrentQueue<QueuePlace>());
        var a3 = turns.TakeAsync("A", CancellationToken.None, aPlaces.Enqueue);
        Assert.Equal([new QueuePlace(1, Held: 2, Capacity: 2)], aPlaces);

        var b1 = turns.TakeAsync("B", CancellationToken.None, bPlaces.Enqueue); // arrives later, holds none: goes first
        Assert.Equal([new QueuePlace(1, Held: 0, Capacity: 2)], bPlaces);
        Assert.Equal(new QueuePlace(2, Held: 2, Capacity: 2, OthersAhead: 1), aPlaces.Last());

        a1.Dispose();
        using (await b1.WaitAsync(Bound))
        {
            Assert.Equal(QueuePlace.Turn, bPlaces.Last());
            Assert.False(a3.IsCompleted); // decided inside Dispose: A's own waiting run did not get A's decoder back
            Assert.Equal(new QueuePlace(1, Held: 1, Capacity: 2), aPlaces.Last());
            Assert.Equal((1, 1), (turns.HeldBy("A"), turns.HeldBy("B")));

            a2.Dispose(); // nobody else waits now: A may have its second one again
            using (await a3.WaitAsync(Bound))
                Assert.Equal((1, 1, 0), (turns.HeldBy("A"), turns.HeldBy("B"), turns.Waiting));
        }
        Assert.Equal((0, 0), (turns.HeldBy("A"), turns.HeldBy("B")));
    }

    [Fact]
    public async Task AmongClientsHoldingAsMany_TheLongestWaitingGoesFirst_AndTheOthersMoveUp()
    {
        var turns = new DecoderTurns(1, perClient: 1);
        var held = await turns.TakeAsync("A", CancellationToken.None);
        var (b, c, d) = (new ConcurrentQueue<int>(), new ConcurrentQueue<int>(), new ConcurrentQueue<int>());
        var rentB = turns.TakeAsync("B", CancellationToken.None, p => b.Enqueue(p.Place));
        using var cancelC = new CancellationTokenSource();
        var rentC = turns.TakeAsync("C", cancelC.Token, p => c.Enqueue(p.Place));
        var rentD = turns.TakeAsync("D", CancellationToken.None, p => d.Enqueue(p.Place));
        Assert.Equal([1], b);
        Assert.Equal([2], c);
        Assert.Equal([3], d);

        await cancelC.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rentC.WaitAsync(Bound));
        Assert.Equal([3, 2], d);

        held.Dispose();
        using (await rentB.WaitAsync(Bound))
        {
            Assert.Equal([1, 0], b);
            Assert.Equal([3, 2, 1], d);
            Assert.False(rentD.IsCompleted);
        }
        using (await rentD.WaitAsync(Bound))
            Assert.Equal([3, 2, 1, 0], d);
        Assert.Equal(0, turns.Waiting);
    }

    [Fact]
    public async Task ACancelledWait_HoldsNothing_AndTheFreedDecoderGoesToWhoStillWaits()
    {
        var turns = new DecoderTurns(1, perClient: 1);
        var held = await turns.TakeAsync("A", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var gaveUp = turns.TakeAsync("B", cancel.Token);
        var waits = turns.TakeAsync("C", CancellationToken.None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp.WaitAsync(Bound));
        held.Dispose();
        using (await waits.WaitAsync(Bound))
            Assert.Equal((0, 1), (turns.HeldBy("B"), turns.HeldBy("C")));
    }

    [Fact]
    public async Task AtItsCap_AClientsNextRunWaits_WhileADecoderStaysFreeForSomeoneElse()
    {
        var turns = new DecoderTurns(2, perClient: 1);
        var places = new ConcurrentQueue<QueuePlace>();
        var a1 = await turns.TakeAsync("A", CancellationToken.None);
        var a2 = turns.TakeAsync("A", CancellationToken.None, places.Enqueue); // a long recording in another tab holds A's one
        Assert.False(a2.IsCompleted);
        Assert.True(Assert.Single(places).AtCap);

        using (await turns.TakeAsync("B", CancellationToken.None).WaitAsync(Bound)) // the free one, at once
        {
            Assert.Equal((1, 1, 1), (turns.HeldBy("A"), turns.HeldBy("B"), turns.Waiting));
            a1.Dispose();
            using (await a2.WaitAsync(Bound))
                Assert.Equal(QueuePlace.Turn, places.Last());
        }
        Assert.Equal(0, turns.Waiting);
    }

    [Fact]
    public async Task TheCommandLine_IsNobodyInParticular_AndHasNoCap()
    {
        var turns = new DecoderTurns(2, perClient: 1);
        using var first = await turns.TakeAsync(DecoderTurns.AnyClient, CancellationToken.None);
        using var second = await turns.TakeAsync(DecoderTurns.AnyClient, CancellationToken.None).WaitAsync(Bound);
        Assert.Equal(2, turns.HeldBy(DecoderTurns.AnyClient));
    }

    [Fact]
    public async Task AnIdleDecoder_IsLentForAPiece_BeyondTheClientsCap_OnlyWhileNobodyWaits()
    {
        var turns = new DecoderTurns(3, perClient: 1);
        using var own = await turns.TakeAsync("A", CancellationToken.None);
        using (var loan = turns.TryBorrow())
        {
            Assert.NotNull(loan); // A is at its cap of 1, yet the idle decoders may speed up its file
            Assert.NotNull(turns.TryBorrow());
            Assert.Null(turns.TryBorrow()); // none left
            Assert.Equal((1, 2), (turns.HeldBy("A"), turns.Borrowed)); // a loan does not count as held: A's places and caps are as before
        }
    }

    [Fact]
    public async Task WhileAnyRunWaits_NothingIsLent_AndTheWaiterGetsTheNextDecoderBack_WhenOnePieceEnds()
    {
        var turns = new DecoderTurns(2, perClient: 1);
        using var own = await turns.TakeAsync("A", CancellationToken.None);
        var piece = turns.TryBorrow()!; // A's file spreads over both decoders
        var places = new ConcurrentQueue<QueuePlace>();
        var b = turns.TakeAsync("B", CancellationToken.None, places.Enqueue); // a newcomer arrives mid-piece
        Assert.False(b.IsCompleted);
        Assert.Equal(1, Assert.Single(places).Place);
        Assert.Null(turns.TryBorrow()); // A's next piece may not borrow while B waits, even once a decoder is free

        piece.Dispose(); // the piece ends: B's turn, at once
        using (await b.WaitAsync(Bound))
        {
            Assert.Equal(QueuePlace.Turn, places.Last());
            Assert.Equal((1, 1, 0), (turns.HeldBy("A"), turns.HeldBy("B"), turns.Borrowed));
            Assert.Null(turns.TryBorrow()); // every decoder is someone's own
        }
        using var again = turns.TryBorrow(); // B done, nobody waits: A may borrow again
        Assert.NotNull(again);
    }

    [Fact]
    public async Task AWaitingRunOfTheSameClient_AlsoStopsLending()
    {
        var turns = new DecoderTurns(3, perClient: 1);
        using var own = await turns.TakeAsync("A", CancellationToken.None);
        var second = turns.TakeAsync("A", CancellationToken.None); // A's other tab, at A's cap
        Assert.False(second.IsCompleted);
        Assert.Null(turns.TryBorrow()); // lending is only for a server where nobody waits at all
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 1)]
    [InlineData(3, 0, 1)]
    [InlineData(4, 0, 2)]
    [InlineData(4, 3, 3)]
    [InlineData(2, 5, 2)]
    public void ByDefault_OneClientMayHoldHalfTheDecoders_AtLeastOne(int decoders, int configured, int expected) =>
        Assert.Equal(expected, new PocketSphinxOptions { MaxDecoders = decoders, MaxDecodersPerClient = configured }.DecodersPerClient);
}
