namespace TranscribeBlazor.History;

/// <summary>Key-value storage in the user's browser (ProtectedLocalStorage in the app, a dictionary in tests).</summary>
public interface IBrowserStorage
{
    /// <summary>The value, or default when absent. Throws <see cref="BrowserStorageException"/> when the stored value is unreadable.</summary>
    Task<T?> GetAsync<T>(string key);

    /// <summary>Throws <see cref="BrowserStorageException"/> with <see cref="BrowserStorageException.QuotaExceeded"/> when the browser is out of room.</summary>
    Task SetAsync<T>(string key, T value);

    Task DeleteAsync(string key);
}

public sealed class BrowserStorageException(string message, bool quotaExceeded, Exception? inner = null) : Exception(message, inner)
{
    public bool QuotaExceeded { get; } = quotaExceeded;
}
