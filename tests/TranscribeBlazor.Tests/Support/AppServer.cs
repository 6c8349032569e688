using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TranscribeBlazor.Tests.Support;

/// <summary>The real app on a loopback port (Kestrel, not the in-memory test server), so a browser can reach it.</summary>
public class AppServer : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Configuration the app starts with, on top of appsettings.json.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public virtual Task InitializeAsync()
    {
        // Port 0: the OS picks a free port, so parallel test classes and CI neighbours never collide.
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development").UseUrls("http://127.0.0.1:0").UseSetting("Transcription:DisconnectGraceSeconds", "1");
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
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
