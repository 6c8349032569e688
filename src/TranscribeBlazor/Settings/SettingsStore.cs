using TranscribeBlazor.Storage;

namespace TranscribeBlazor.Settings;

/// <summary>
/// Settings in the browser's local storage, encrypted and signed by the server (see
/// <see cref="EncryptedLocalStorage"/>), so the browser holds them but cannot read or forge
/// them. A missing, old or tampered value reads as the defaults rather than failing the page.
/// </summary>
public sealed class SettingsStore(IBrowserStorage storage, ILogger<SettingsStore> logger)
{
    private const string Key = "transcribeblazor.settings.v1";

    public async Task<UserSettings> LoadAsync()
    {
        try
        {
            return await storage.GetAsync<UserSettings>(Key) ?? UserSettings.Default;
        }
        catch (Exception e) when (e is BrowserStorageException or InvalidOperationException)
        {
            logger.LogInformation("Stored settings could not be read ({Reason}); using defaults", e.GetType().Name);
            return UserSettings.Default;
        }
    }

    public async Task SaveAsync(UserSettings settings)
    {
        try
        {
            await storage.SetAsync(Key, settings);
        }
        catch (Exception e) when (e is BrowserStorageException or Microsoft.JSInterop.JSException or InvalidOperationException or TaskCanceledException)
        {
            // Private browsing or a full quota: the settings still apply to this tab.
            logger.LogInformation("Settings could not be stored in the browser ({Reason})", e.GetType().Name);
        }
    }
}
