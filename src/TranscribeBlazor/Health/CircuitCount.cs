namespace TranscribeBlazor.Health;

/// <summary>Blazor circuits open now (one per browser tab), for <c>/metrics</c>.</summary>
public sealed class CircuitCount
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}
