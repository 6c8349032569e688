using System.Net.Sockets;
using System.Text;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// An HTTP/1.1 POST over a plain socket that reads the response while the body is still being sent,
/// as curl does. HttpClient's HTTP/1.1 handler only reads the response once it has sent the whole body,
/// so it cannot show events arriving during an upload.
/// </summary>
public sealed class RawHttpUpload : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _net;
    private readonly Task _send;
    private readonly CancellationTokenSource _stop = new();
    private bool _disposed;

    private RawHttpUpload(TcpClient tcp, Stream body)
    {
        _tcp = tcp;
        _net = tcp.GetStream();
        _send = Task.Run(() => SendChunkedAsync(body));
    }

    /// <summary>The status line's code and the headers, once they arrive.</summary>
    public int Status { get; private set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Completes when the body is sent, or faults when the server stopped taking it.</summary>
    public Task Sent => _send;

    public static async Task<RawHttpUpload> StartAsync(Uri server, string pathAndQuery, Stream body, params (string Name, string Value)[] headers)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        var head = new StringBuilder($"POST {pathAndQuery} HTTP/1.1\r\nHost: {server.Authority}\r\nTransfer-Encoding: chunked\r\n");
        foreach (var (name, value) in headers) head.Append($"{name}: {value}\r\n");
        await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        var upload = new RawHttpUpload(tcp, body);
        await upload.ReadHeadAsync();
        return upload;
    }

    private async Task SendChunkedAsync(Stream body)
    {
        var buffer = new byte[64 * 1024];
        int n;
        while ((n = await body.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await _net.WriteAsync(Encoding.ASCII.GetBytes($"{n:X}\r\n"), _stop.Token);
            await _net.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
            await _net.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
        }
        await _net.WriteAsync("0\r\n\r\n"u8.ToArray(), _stop.Token);
    }

    private async Task<string> ReadLineRawAsync()
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await _net.ReadAsync(one) == 0) throw new EndOfStreamException("The server closed the connection.");
            if (one[0] == '\n') return Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\r');
            line.Add(one[0]);
        }
    }

    private async Task ReadHeadAsync()
    {
        Status = int.Parse((await ReadLineRawAsync()).Split(' ')[1]);
        while (await ReadLineRawAsync() is { Length: > 0 } header)
        {
            int colon = header.IndexOf(':');
            Headers[header[..colon]] = header[(colon + 1)..].Trim();
        }
    }

    /// <summary>The chunked response body's lines, each as soon as it arrives (a last line without its line feed, such as a problem body, at the end).</summary>
    public async IAsyncEnumerable<string> ReadLinesAsync()
    {
        var pending = new StringBuilder();
        while (true)
        {
            int size = Convert.ToInt32((await ReadLineRawAsync()).Split(';')[0], 16);
            if (size == 0)
            {
                if (pending.Length > 0) yield return pending.ToString();
                yield break;
            }
            var chunk = new byte[size];
            await _net.ReadExactlyAsync(chunk);
            await ReadLineRawAsync(); // the CRLF after the chunk
            pending.Append(Encoding.UTF8.GetString(chunk));
            string text = pending.ToString();
            int end;
            while ((end = text.IndexOf('\n')) >= 0)
            {
                yield return text[..end];
                text = text[(end + 1)..];
            }
            pending.Clear().Append(text);
        }
    }

    /// <summary>Drops the connection, as a client that goes away does.</summary>
    public void Abort()
    {
        _stop.Cancel();
        _tcp.Client.Close(0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _stop.Cancel();
        _tcp.Dispose();
        try { await _send; } catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException) { }
        _stop.Dispose();
    }
}
