using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;

namespace TranscribeBlazor.Settings;

/// <summary>
/// One circuit's settings: what the user chose (remembered in the browser through <see cref="SettingsStore"/>)
/// and the engines this server offers. The layout (theme), the settings panel and the page (engine for new
/// runs) share it; <see cref="Changed"/> tells them to render.
/// </summary>
public sealed class SettingsState(SettingsStore store, EngineCatalog engines, AwsCredentialSource? aws = null)
{
    private Task? _loading;

    public UserSettings Current { get; private set; } = UserSettings.Default;

    public IReadOnlyList<EngineChoice> Choices { get; private set; } = [];

    public event Action? Changed;

    /// <summary>The engine the user picked, if it can run now; null means the server's default.</summary>
    public string? ChosenEngine => Choices.FirstOrDefault(c => c.Id == Current.EngineId) is { IsAvailable: true } chosen ? chosen.Id : null;

    /// <summary>Reads the remembered settings, then which engines can run; once per circuit however often it is called.</summary>
    public Task LoadAsync(CancellationToken cancellationToken = default) => _loading ??= LoadOnceAsync(cancellationToken);

    private async Task LoadOnceAsync(CancellationToken cancellationToken)
    {
        Current = await store.LoadAsync();
        Changed?.Invoke();
        // Engine checks may take a moment (the AWS credential chain), so the theme applies first.
        Choices = await EngineChoice.ListAsync(engines, aws, cancellationToken);
        // A remembered engine that cannot run now (credentials gone) falls back to the default, visibly.
        if (Current.EngineId is { } id && Choices.FirstOrDefault(c => c.Id == id) is not { IsAvailable: true })
            Current = Current with { EngineId = null };
        Changed?.Invoke();
    }

    public async Task ChangeAsync(UserSettings settings)
    {
        Current = settings;
        Changed?.Invoke();
        await store.SaveAsync(settings);
    }
}
