using Microsoft.JSInterop;

namespace TranscribeBlazor.Storage;

/// <summary>
/// <see cref="IBrowserStorage"/> in the browser's localStorage, encrypted and signed by the server
/// (<see cref="StoredValueCodec"/>), moved through wwwroot/js/browser-storage.js in slices.
/// </summary>
/// <remarks>
/// Why slices: what the browser sends back arrives as one circuit message, and Blazor drops the
/// circuit on a message over 32 KB (HubOptions.MaximumReceiveMessageSize). The framework's
/// ProtectedLocalStorage returns a value whole, so a history index of ~140 entries or one transcript
/// over about a minute froze the page. Stored text is base64url (one byte a character), so a
/// 16,000-character slice leaves half the limit for the message's own framing.
/// </remarks>
public sealed class EncryptedLocalStorage(IJSRuntime js, StoredValueCodec codec) : IBrowserStorage, IAsyncDisposable
{
    /// <summary>Characters per interop call, either way.</summary>
    public const int SliceChars = 16_000;

    private IJSObjectReference? _module;

    public async Task<T?> GetAsync<T>(string key)
    {
        string? stored = await ReadAsync(key);
        return stored is null ? default : codec.Decode<T>(key, stored);
    }

    public async Task<long> SetAsync<T>(string key, T value)
    {
        string stored = codec.Encode(key, value);
        var module = await ModuleAsync();
        string write = Guid.NewGuid().ToString("N");
        try
        {
            for (int start = 0; start < stored.Length; start += SliceChars)
                await module.InvokeVoidAsync("append", write, stored.Substring(start, Math.Min(SliceChars, stored.Length - start)));
        }
        catch
        {
            await module.InvokeVoidAsync("discard", write);
            throw;
        }
        if (!await module.InvokeAsync<bool>("commit", write, key))
            throw new BrowserStorageException("The browser's storage is full.", quotaExceeded: true);
        return stored.Length;
    }

    public async Task DeleteAsync(string key) => await (await ModuleAsync()).InvokeVoidAsync("remove", key);

    public async Task<int> DeleteAllAsync(string prefix) => await (await ModuleAsync()).InvokeAsync<int>("removeAll", prefix);

    /// <summary>Stages the key's value in the browser, then reads it back slice by slice.</summary>
    private async Task<string?> ReadAsync(string key)
    {
        var module = await ModuleAsync();
        var staged = await module.InvokeAsync<Staged?>("openItem", key);
        if (staged is null) return null;
        try
        {
            var text = new System.Text.StringBuilder(staged.Length);
            while (text.Length < staged.Length)
            {
                string slice = await module.InvokeAsync<string>("readSlice", staged.Id, text.Length, Math.Min(staged.Length, text.Length + SliceChars));
                if (slice.Length == 0) throw new BrowserStorageException($"The stored value '{key}' changed while it was read.", quotaExceeded: false);
                text.Append(slice);
            }
            return text.ToString();
        }
        finally
        {
            await module.InvokeVoidAsync("closeRead", staged.Id);
        }
    }

    private async ValueTask<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/browser-storage.js");

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone, and the module with it.
        }
    }

    private sealed record Staged(int Id, int Length);
}
