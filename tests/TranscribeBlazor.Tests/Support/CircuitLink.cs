using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// A page's circuit connection, routed through Playwright so a test can cut it (both ends of the live WebSocket)
/// and refuse new connections until <see cref="RestoreAsync"/>, as a network outage would.
/// </summary>
public sealed class CircuitLink
{
    private readonly Lock _gate = new();
    private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> _open = [];
    private readonly List<IRoute> _held = [];
    private readonly TaskCompletionSource _firstRefusal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _down;

    /// <summary>WebSockets that reached the server.</summary>
    public int Connections { get; private set; }

    /// <summary>Connection attempts made while down.</summary>
    public int Refused { get; private set; }

    /// <summary>Completes when the page first tries to connect while the link is down.</summary>
    public Task FirstRefusal => _firstRefusal.Task;

    /// <summary>Routes the page's circuit connections; call before the page navigates.</summary>
    public static async Task<CircuitLink> AttachAsync(IPage page)
    {
        var link = new CircuitLink();
        await page.RouteWebSocketAsync(new Regex(@"/_blazor\?"), link.OnWebSocket);
        // Negotiation (and a Long Polling fallback) must be refused too, or the client would get round a refused WebSocket.
        await page.RouteAsync(new Regex(@"/_blazor(/negotiate|\?)"), link.OnRequestAsync);
        return link;
    }

    private void OnWebSocket(IWebSocketRoute ws)
    {
        lock (_gate)
        {
            if (_down)
            {
                CountRefusal();
                _ = ws.CloseAsync(new() { Code = 1011, Reason = "refused" });
                return;
            }
            _open.Add((ws, ws.ConnectToServer()));
            Connections++;
        }
    }

    private async Task OnRequestAsync(IRoute route)
    {
        lock (_gate)
        {
            if (_down)
            {
                // Held, like a request into a dead network, and refused when the outage ends.
                CountRefusal();
                _held.Add(route);
                return;
            }
        }
        await route.ContinueAsync();
    }

    private void CountRefusal()
    {
        Refused++;
        _firstRefusal.TrySetResult();
    }

    /// <summary>Closes the live connection at both ends; from now on connections are refused.</summary>
    public async Task DropAsync()
    {
        (IWebSocketRoute Page, IWebSocketRoute Server)[] open;
        lock (_gate)
        {
            _down = true;
            open = [.. _open];
            _open.Clear();
        }
        foreach (var (page, server) in open)
        {
            await server.CloseAsync(new() { Code = 1011, Reason = "dropped" });
            await page.CloseAsync(new() { Code = 1011, Reason = "dropped" });
        }
    }

    /// <summary>Connections go through again; the attempts held during the outage fail.</summary>
    public async Task RestoreAsync()
    {
        IRoute[] held;
        lock (_gate)
        {
            _down = false;
            held = [.. _held];
            _held.Clear();
        }
        foreach (var route in held)
            await route.AbortAsync("connectionrefused");
    }
}
