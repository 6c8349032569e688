namespace TranscribeBlazor.Components;

/// <summary>
/// Turns a burst of change notifications into at most one render per <c>minimumInterval</c>
/// (50 ms: ~20 renders per second however fast results arrive). The last change is never dropped:
/// a request during a wait is folded into the render that ends it.
/// </summary>
public sealed class RenderCoalescer(Func<Task> render, TimeSpan minimumInterval, Action<Exception> onError, TimeProvider? time = null) : IDisposable
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly CancellationTokenSource _disposed = new();
    private int _scheduled;
    private long _lastRender = long.MinValue;
    private int _renders;

    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Renders performed so far.</summary>
    public int RenderCount => Volatile.Read(ref _renders);

    /// <summary>Asks for a render; cheap and safe from any thread.</summary>
    public void Request()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _scheduled, 1) == 1)
            return;
        _ = RenderSoonAsync();
    }

    private async Task RenderSoonAsync()
    {
        try
        {
            long last = Interlocked.Read(ref _lastRender);
            if (last != long.MinValue)
            {
                var wait = minimumInterval - _time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, _time, _disposed.Token).ConfigureAwait(false);
            }
            // Cleared before rendering, so a change that lands during the render schedules another.
            Volatile.Write(ref _scheduled, 0);
            Interlocked.Exchange(ref _lastRender, _time.GetTimestamp());
            Interlocked.Increment(ref _renders);
            await render().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            onError(e);
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
