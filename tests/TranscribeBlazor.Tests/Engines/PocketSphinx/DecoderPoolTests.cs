using System.Collections.Concurrent;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Engines.PocketSphinx;

[Trait(Category.Name, Category.Engine)]
public sealed class DecoderPoolTests
{
    [PocketSphinxFact]
    public async Task Waiters_AreServedInArrivalOrder_AndToldTheirPlaceAsItChanges()
    {
        var (_, pool) = EngineFactory.PocketSphinx(maxDecoders: 1);
        using var poolScope = pool;
        var first = await pool.RentAsync(CancellationToken.None);
        var (b, c, d) = (new ConcurrentQueue<int>(), new ConcurrentQueue<int>(), new ConcurrentQueue<int>());
        var rentB = pool.RentAsync(CancellationToken.None, p => b.Enqueue(p.Place));
        using var cancelC = new CancellationTokenSource();
        var rentC = pool.RentAsync(cancelC.Token, p => c.Enqueue(p.Place));
        var rentD = pool.RentAsync(CancellationToken.None, p => d.Enqueue(p.Place));
        Assert.Equal(3, pool.Waiting);
        Assert.Equal([1], b);
        Assert.Equal([2], c);
        Assert.Equal([3], d);

        await cancelC.CancelAsync(); // gives up: out of the line, D moves up
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rentC);
        Assert.Equal([3, 2], d);

        first.Dispose(); // the decoder goes to B, the longest waiting
        using (await rentB.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.Equal([1, 0], b);
            Assert.Equal([3, 2, 1], d);
            Assert.False(rentD.IsCompleted);
        }
        using (await rentD.WaitAsync(TimeSpan.FromSeconds(5)))
            Assert.Equal([3, 2, 1, 0], d);
        Assert.Equal(0, pool.Waiting);
        Assert.Equal(1, pool.Created);
    }

    [PocketSphinxFact]
    public async Task AFreeDecoder_IsTakenAtOnce_WithoutAPlaceInLine()
    {
        var (_, pool) = EngineFactory.PocketSphinx(maxDecoders: 2);
        using var poolScope = pool;
        var places = new ConcurrentQueue<int>();
        using (await pool.RentAsync(CancellationToken.None, p => places.Enqueue(p.Place)))
            Assert.Empty(places);
    }
}
