using TranscribeBlazor.Components;

namespace TranscribeBlazor.Tests.Components;

[Trait(Category.Name, Category.Unit)]
public sealed class RenderCoalescerTests
{
    [Fact]
    public async Task ABurstOfRequests_RendersAtMostOncePerInterval_AndTheLastRequestIsRendered()
    {
        int version = 0, renderedVersion = -1, renders = 0;
        using var coalescer = new RenderCoalescer(() =>
        {
            Interlocked.Increment(ref renders);
            renderedVersion = Volatile.Read(ref version);
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(50), e => throw e);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 500)
        {
            Interlocked.Increment(ref version);
            coalescer.Request();
            await Task.Delay(1);
        }
        await Task.Delay(200);

        // 500 ms at one render per 50 ms: about 10, never hundreds.
        Assert.InRange(renders, 2, 13);
        Assert.Equal(version, renderedVersion);
        Assert.Equal(renders, coalescer.RenderCount);
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
