using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace TranscribeBlazor.Tests.Support;

/// <summary>The real app on a loopback port (Kestrel, not the in-memory test server), so a browser can reach it.</summary>
public class AppServer : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Configuration the app starts with, on top of appsettings.json.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Further host changes of a test's own (an endpoint the app lacks), made after the settings.</summary>
    protected virtual void Configure(IWebHostBuilder builder) { }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    /// <summary>Every log line the app wrote (at its configured levels), with exception texts, to check what logs may not contain.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    public virtual Task InitializeAsync()
    {
        // Port 0: the OS picks a free port, so parallel test classes and CI neighbours never collide.
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development").UseUrls("http://127.0.0.1:0").UseSetting("Transcription:DisconnectGraceSeconds", "1")
                // Every test's tabs come from 127.0.0.1 yet stand for different people: no per-person share of the
                // recognisers unless a test sets one (DecoderTurnsTests and the session tests cover the share itself).
                .UseSetting("Transcription:PocketSphinx:MaxDecodersPerClient", "64");
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.ConfigureLogging(logging => logging.AddProvider(new CollectingLoggerProvider(Logs)));
            Configure(b);
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.ClientOptions.BaseAddress;
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

/// <summary>The app with configuration of the test's own on top of appsettings.json.</summary>
public sealed class ConfiguredAppServer(Dictionary<string, string> settings) : AppServer
{
    protected override IReadOnlyDictionary<string, string> Settings => settings;
}

/// <summary>Keeps formatted log lines (and exception texts) in memory.</summary>
internal sealed class CollectingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
