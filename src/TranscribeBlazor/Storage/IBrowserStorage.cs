namespace TranscribeBlazor.Storage;

/// <summary>Key-value storage in the user's browser (ProtectedLocalStorage in the app, a dictionary in tests); used by settings and history.</summary>
public interface IBrowserStorage
{
    /// <summary>The value, or default when absent. Throws <see cref="BrowserStorageException"/> when the stored value is unreadable.</summary>
    Task<T?> GetAsync<T>(string key);

    /// <summary>Throws <see cref="BrowserStorageException"/> with <see cref="BrowserStorageException.QuotaExceeded"/> when the browser is out of room.</summary>
    Task SetAsync<T>(string key, T value);

    Task DeleteAsync(string key);
}
