using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Engines;
using TranscribeBlazor.History;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Settings;
using TranscribeBlazor.Storage;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// The app's per-circuit services (session, settings, history, player) as AddTranscription wires them,
/// over the given engines and an in-memory browser storage, registered in a bUnit context. Register
/// before the first render; the context owns (and disposes) what it creates.
/// </summary>
public sealed class AppServices
{
    private AppServices(FakeBrowserStorage storage, TranscriptionOptions options)
    {
        Storage = storage;
        Options = options;
    }

    public FakeBrowserStorage Storage { get; }

    public TranscriptionOptions Options { get; }

    /// <param name="engines">The first is the default engine unless <paramref name="options"/> names another.</param>
    public static AppServices AddTo(BunitContext ctx, IReadOnlyList<ITranscriptionEngine> engines, TranscriptionOptions? options = null)
    {
        options ??= new TranscriptionOptions { DefaultEngine = engines[0].Id };
        var app = new AppServices(new FakeBrowserStorage(), options);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var services = ctx.Services;
        services.AddSingleton<IOptions<TranscriptionOptions>>(wrapped);
        services.AddSingleton(new EngineCatalog(engines, wrapped));
        services.AddSingleton(new AdmissionControl(wrapped));
        services.AddSingleton(new ClientIdentity { Address = "test" });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IBrowserStorage>(app.Storage);
        services.AddSingleton(sp => new TranscriptionSession(sp.GetRequiredService<EngineCatalog>(), wrapped, sp.GetRequiredService<AdmissionControl>(),
            sp.GetRequiredService<ClientIdentity>(), NullLogger<TranscriptionSession>.Instance));
        services.AddSingleton(sp => new SettingsStore(sp.GetRequiredService<IBrowserStorage>(), NullLogger<SettingsStore>.Instance));
        services.AddSingleton(sp => new SettingsState(sp.GetRequiredService<SettingsStore>(), sp.GetRequiredService<EngineCatalog>()));
        services.AddSingleton(sp => new HistoryStore(sp.GetRequiredService<IBrowserStorage>()));
        services.AddSingleton(sp => new HistoryState(sp.GetRequiredService<HistoryStore>(), sp.GetRequiredService<TranscriptionSession>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PlayerFollower(sp.GetRequiredService<IJSRuntime>()));
        return app;
    }
}
