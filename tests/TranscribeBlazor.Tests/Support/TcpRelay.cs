using System.Net;
using System.Net.Sockets;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// Forwards every connection made to <see cref="Address"/> to <paramref name="target"/>, leaving from
/// <paramref name="source"/> (any of 127.0.0.0/8): a browser behind it reaches nginx as a client with
/// that address, as two people on two machines would.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpRelay(IPAddress source, IPEndPoint target)
    {
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(source, target);
    }

    public Uri Address { get; }

    private async Task AcceptAsync(IPAddress source, IPEndPoint target)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            _ = PairAsync(client, source, target);
        }
    }

    private async Task PairAsync(Socket client, IPAddress source, IPEndPoint target)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (client)
        {
            try
            {
                upstream.Bind(new IPEndPoint(source, 0));
                await upstream.ConnectAsync(target, _stop.Token);
                await using var a = new NetworkStream(client, ownsSocket: false);
                await using var b = new NetworkStream(upstream, ownsSocket: false);
                // Either side closing ends the pair: the other direction is then cut too.
                await Task.WhenAny(CopyAsync(a, b, upstream), CopyAsync(b, a, client));
            }
            catch (Exception) { } // a closed browser tab or a stopped relay: nothing to report
        }
    }

    private async Task CopyAsync(Stream from, Stream to, Socket toSocket)
    {
        try { await from.CopyToAsync(to, _stop.Token); }
        finally { try { toSocket.Shutdown(SocketShutdown.Send); } catch (Exception) { } }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting;
    }
}
