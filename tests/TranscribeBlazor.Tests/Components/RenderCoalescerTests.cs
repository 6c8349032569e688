using Microsoft.Extensions.Time.Testing;
using TranscribeBlazor.Components;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components;

[Trait(Category.Name, Category.Unit)]
public sealed class RenderCoalescerTests
{
    [Fact]
    public async Task ABurstOfRequests_RendersAtMostOncePerInterval_AndTheLastRequestIsRendered()
    {
        var time = new FakeTimeProvider(); // the interval passes only when the test says so
        int version = 0, renderedVersion = -1, renders = 0;
        using var coalescer = new RenderCoalescer(() =>
        {
            Interlocked.Increment(ref renders);
            Volatile.Write(ref renderedVersion, Volatile.Read(ref version));
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(50), e => throw e, time);

        Interlocked.Increment(ref version);
        coalescer.Request();
        await Signals.WaitUntilAsync(() => Volatile.Read(ref renders) == 1, TimeSpan.FromSeconds(5)); // the first request renders at once

        for (int ms = 1; ms < 50; ms++)
        {
            Interlocked.Increment(ref version);
            coalescer.Request();
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
        Assert.Equal(1, Volatile.Read(ref renders)); // 49 requests inside the interval: none rendered yet

        time.Advance(TimeSpan.FromMilliseconds(1));
        await Signals.WaitUntilAsync(() => Volatile.Read(ref renders) == 2, TimeSpan.FromSeconds(5)); // the interval's end renders them all at once
        Assert.Equal(version, Volatile.Read(ref renderedVersion));

        time.Advance(TimeSpan.FromMilliseconds(200));
        Interlocked.Increment(ref version);
        coalescer.Request();
        await Signals.WaitUntilAsync(() => Volatile.Read(ref renders) == 3, TimeSpan.FromSeconds(5)); // after a quiet spell, at once again
        Assert.Equal(version, Volatile.Read(ref renderedVersion));
        Assert.Equal(3, coalescer.RenderCount);
    }

    [Fact]
    public async Task RenderFailures_GoToTheErrorHandler()
    {
        var failure = new TaskCompletionSource<Exception>();
        using var coalescer = new RenderCoalescer(() => throw new InvalidOperationException("boom"), TimeSpan.FromMilliseconds(10), e => failure.TrySetResult(e));
        coalescer.Request();
        var e = await failure.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("boom", e.Message);
    }
}
