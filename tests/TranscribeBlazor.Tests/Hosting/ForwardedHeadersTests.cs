using System.Net;
using System.Net.Sockets;
using System.Text;
using TranscribeBlazor.Hosting;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Hosting;

/// <summary>
/// <c>ForwardedHeaders:KnownProxies</c>: the app takes the client's address from X-Forwarded-For sent by
/// the trusted proxy, and from nobody else. What the app saw is read through <c>/metrics</c>, which
/// answers loopback (200) and refuses other addresses (403). Requests leave from chosen loopback
/// addresses (the whole of 127.0.0.0/8 is this machine's), so the proxy and a stranger are told apart
/// by their real source address.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Stranger = IPAddress.Parse("127.0.0.3");
    private readonly ConfiguredAppServer _app = new(new() { ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString() });

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task TheProxysForwardedAddress_IsTheClient()
    {
        Assert.Equal(200, await GetMetricsAsync(Proxy, forwardedFor: null)); // the proxy itself is loopback
        Assert.Equal(403, await GetMetricsAsync(Proxy, "198.51.100.7"));     // its client is not
    }

    [Fact]
    public async Task AForgedHeader_FromOutsideTheProxy_IsIgnored()
    {
        // 127.0.0.3 is loopback and allowed; had the header been believed it would be 198.51.100.7 and refused.
        Assert.Equal(200, await GetMetricsAsync(Stranger, "198.51.100.7"));
    }

    [Fact]
    public async Task WhatAClientPutsBeforeTheProxysEntry_IsIgnored()
    {
        // nginx's $proxy_add_x_forwarded_for appends the address it saw to what the client sent: only the last counts.
        Assert.Equal(403, await GetMetricsAsync(Proxy, "127.0.0.1, 198.51.100.7"));
    }

    [NonLoopbackFact]
    public async Task AnOutsiderClaimingLoopback_IsStillRefused()
    {
        var own = MachineAddress.NonLoopbackIPv4!;
        await using var app = new ConfiguredAppServer(new() { ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(), ["urls"] = $"http://{own}:0" });
        await app.InitializeAsync();
        Assert.Equal(403, await GetMetricsAsync(own, "127.0.0.1", app.BaseAddress));
    }

    [Fact]
    public void AProxyThatIsNotAnAddress_FailsValidation_NamingIt()
    {
        var options = new ProxyOptions { KnownProxies = ["127.0.0.1", "nginx.local"], KnownNetworks = ["10.0.0.0/8", "intranet"] };
        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(p => p.ErrorMessage).ToList();
        Assert.Equal(["ForwardedHeaders:KnownProxies: \"nginx.local\" is not an IP address (like 127.0.0.1 or ::1).",
                      "ForwardedHeaders:KnownNetworks: \"intranet\" is not a network in CIDR form (like 10.0.0.0/8 or fd00::/8)."], problems);
    }

    /// <summary>GET /metrics over a socket bound to <paramref name="from"/>; the status code.</summary>
    private async Task<int> GetMetricsAsync(IPAddress from, string? forwardedFor, Uri? app = null)
    {
        app ??= _app.BaseAddress;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(IPAddress.Parse(app.Host), app.Port).WaitAsync(TimeSpan.FromSeconds(10));
        string header = forwardedFor is null ? "" : $"X-Forwarded-For: {forwardedFor}\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /metrics HTTP/1.1\r\nHost: {app.Authority}\r\n{header}Connection: close\r\n\r\n"));
        var buffer = new byte[64];
        int read = await socket.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
        string status = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.StartsWith("HTTP/1.1 ", status);
        return int.Parse(status[9..12]);
    }
}
