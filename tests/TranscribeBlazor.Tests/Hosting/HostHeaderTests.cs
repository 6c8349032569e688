using System.Net.Sockets;
using System.Text;
using TranscribeBlazor.Hosting;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Hosting;

/// <summary>HTTP/1.0 lets a client leave out the Host header; the app answers 400, with its security headers, and logs nothing alarming.</summary>
[Trait(Category.Name, Category.Engine)]
public sealed class HostHeaderTests(AppServer app) : IClassFixture<AppServer>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/no-such-page")]
    public async Task ARequestWithoutAHost_Gets400_WithTheSecurityHeaders(string path)
    {
        string response = await SendAsync($"GET {path} HTTP/1.0\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains($"Content-Security-Policy: {SecurityHeaders.ContentSecurityPolicy}", response);
        Assert.Contains("X-Content-Type-Options: nosniff", response);
        Assert.EndsWith(HostHeaderRequirement.Message, response);
    }

    [Fact]
    public async Task AHundredOfThem_LeaveNoWarningOrStackTraceInTheLog()
    {
        int before = app.Logs.Count;
        for (int i = 0; i < 100; i++)
            Assert.StartsWith("HTTP/1.1 400", await SendAsync("GET / HTTP/1.0\r\n\r\n"));

        var written = app.Logs.Skip(before).ToList();
        Assert.DoesNotContain(written, line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
        Assert.DoesNotContain(written, line => line.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARequestWithAHost_IsServedAsBefore()
    {
        string response = await SendAsync($"GET /healthz HTTP/1.0\r\nHost: {app.BaseAddress.Authority}\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 200", response);
    }

    private async Task<string> SendAsync(string request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var client = new TcpClient();
        await client.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port, timeout.Token);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(timeout.Token); // HTTP/1.0: the server closes after its answer
    }
}
