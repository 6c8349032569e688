using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using TranscribeBlazor.Admission;
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
    private AppServices(FakeBrowserStorage storage, TestSettings settings)
    {
        Storage = storage;
        Settings = settings;
    }

    public FakeBrowserStorage Storage { get; }

    public TestSettings Settings { get; }

    /// <param name="engines">The first is the default engine unless <paramref name="settings"/> names another of them.</param>
    public static AppServices AddTo(BunitContext ctx, IReadOnlyList<ITranscriptionEngine> engines, TestSettings? settings = null)
    {
        settings ??= new TestSettings();
        var app = new AppServices(new FakeBrowserStorage(), settings);
        var services = ctx.Services;
        var catalog = settings.CatalogOf(engines);
        services.AddSingleton(Options.Create(new EngineOptions { DefaultEngine = catalog.Default.Id }));
        services.AddSingleton(Options.Create(settings.Audio));
        services.AddSingleton(Options.Create(settings.Uploads));
        services.AddSingleton(Options.Create(settings.Session));
        services.AddSingleton(Options.Create(settings.Microphone));
        services.AddSingleton(catalog);
        services.AddSingleton(settings.NewAdmission());
        services.AddSingleton(new ClientIdentity { Address = "test" });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IBrowserStorage>(app.Storage);
        services.AddSingleton(sp => settings.NewSession(sp.GetRequiredService<EngineCatalog>(), sp.GetRequiredService<AdmissionControl>(), sp.GetRequiredService<ClientIdentity>()));
        services.AddSingleton(sp => new SettingsStore(sp.GetRequiredService<IBrowserStorage>(), NullLogger<SettingsStore>.Instance));
        services.AddSingleton(sp => new SettingsState(sp.GetRequiredService<SettingsStore>(), sp.GetRequiredService<EngineCatalog>()));
        services.AddSingleton(sp => new HistoryStore(sp.GetRequiredService<IBrowserStorage>()));
        services.AddSingleton(sp => new HistoryState(sp.GetRequiredService<HistoryStore>(), sp.GetRequiredService<TranscriptionSession>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PlayerFollower(sp.GetRequiredService<IJSRuntime>()));
        services.AddSingleton(sp => new TranscribeBlazor.Components.Transcript.TranscriptCorrections(sp.GetRequiredService<TranscriptionSession>(), sp.GetRequiredService<HistoryState>()));
        return app;
    }
}
