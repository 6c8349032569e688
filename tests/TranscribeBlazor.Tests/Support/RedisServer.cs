using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Debian's redis-server on a free loopback port, in memory only (no dump file), stopped on dispose.</summary>
public sealed class RedisServer : IAsyncLifetime
{
    public const string Executable = "/usr/bin/redis-server";

    private Process? _process;

    public static bool Available => File.Exists(Executable);

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        if (!Available) return; // the tests skip themselves with the reason
        Port = FreePort();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        await Signals.WaitUntilAsync(() => Accepts(Port), TimeSpan.FromSeconds(10));
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var socket = new TcpClient();
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill();
        _process?.WaitForExit(5_000);
        _process?.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!RedisServer.Available) Skip = "Needs Debian package redis-server (scripts/rehearse-cluster.sh installs it).";
    }
}
