namespace TranscribeBlazor.Storage;

/// <summary>Browser storage failed: an unreadable value, or (<see cref="QuotaExceeded"/>) no room left.</summary>
public sealed class BrowserStorageException(string message, bool quotaExceeded, Exception? inner = null) : Exception(message, inner)
{
    public bool QuotaExceeded { get; } = quotaExceeded;
}
