using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Tests.Support;

/// <summary>A PocketSphinx-backed fake Transcribe service, shared by the tests of one class.</summary>
public sealed class FakeTranscribeFixture : IAsyncLifetime
{
    private DecoderPoolScope? _pool;

    public FakeTranscribeServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!TestAssets.PocketSphinxAvailable) return;
        var (engine, pool) = EngineFactory.PocketSphinx(maxDecoders: 2);
        _pool = new DecoderPoolScope(pool);
        Server = await FakeTranscribeServer.StartAsync(engine);
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
        _pool?.Dispose();
    }

    private sealed class DecoderPoolScope(TranscribeBlazor.Engines.PocketSphinx.DecoderPool pool) : IDisposable
    {
        public void Dispose() => pool.Dispose();
    }
}
