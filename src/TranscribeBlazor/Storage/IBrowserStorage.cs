namespace TranscribeBlazor.Storage;

/// <summary>Key-value storage in the user's browser (<see cref="EncryptedLocalStorage"/> in the app, a dictionary in tests); used by settings and history.</summary>
public interface IBrowserStorage
{
    /// <summary>The value, or default when absent. Throws <see cref="BrowserStorageException"/> when the stored value is unreadable.</summary>
    Task<T?> GetAsync<T>(string key);

    /// <summary>Stores the value; returns how many characters the browser now keeps for it (what counts against its quota).</summary>
    /// <exception cref="BrowserStorageException">With <see cref="BrowserStorageException.QuotaExceeded"/> when the browser is out of room; what was stored before is unchanged.</exception>
    Task<long> SetAsync<T>(string key, T value);

    Task DeleteAsync(string key);

    /// <summary>Deletes every key that starts with <paramref name="prefix"/>, also those nothing refers to any more; returns how many.</summary>
    Task<int> DeleteAllAsync(string prefix);
}
