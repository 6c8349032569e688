using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace TranscribeBlazor.Storage;

/// <summary><see cref="IBrowserStorage"/> over ProtectedLocalStorage: encrypted and signed by the server, kept by the browser.</summary>
public sealed class ProtectedBrowserStorageAdapter(ProtectedLocalStorage storage) : IBrowserStorage
{
    public async Task<T?> GetAsync<T>(string key)
    {
        try
        {
            var result = await storage.GetAsync<T>(key);
            return result.Success ? result.Value : default;
        }
        catch (Exception e) when (e is CryptographicException or System.Text.Json.JsonException)
        {
            throw new BrowserStorageException($"The stored value '{key}' cannot be read.", quotaExceeded: false, e);
        }
    }

    public async Task SetAsync<T>(string key, T value)
    {
        try
        {
            await storage.SetAsync(key, value!);
        }
        catch (JSException e) when (e.Message.Contains("quota", StringComparison.OrdinalIgnoreCase))
        {
            throw new BrowserStorageException("The browser's storage is full.", quotaExceeded: true, e);
        }
    }

    public async Task DeleteAsync(string key) => await storage.DeleteAsync(key);
}
