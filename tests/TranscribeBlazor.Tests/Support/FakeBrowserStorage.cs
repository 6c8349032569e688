using System.Text.Json;
using TranscribeBlazor.Storage;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Browser storage as JSON strings in a dictionary, with an optional quota; corrupt a value by writing to <see cref="Values"/>.</summary>
public sealed class FakeBrowserStorage(long quotaBytes = long.MaxValue) : IBrowserStorage
{
    public Dictionary<string, string> Values { get; } = [];

    public Task<T?> GetAsync<T>(string key)
    {
        if (!Values.TryGetValue(key, out var json)) return Task.FromResult(default(T));
        try { return Task.FromResult(JsonSerializer.Deserialize<T>(json)); }
        catch (JsonException e) { throw new BrowserStorageException("unreadable", false, e); }
    }

    public Task<long> SetAsync<T>(string key, T value)
    {
        string json = JsonSerializer.Serialize(value);
        long used = Values.Where(p => p.Key != key).Sum(p => (long)p.Value.Length);
        if (used + json.Length > quotaBytes) throw new BrowserStorageException("full", quotaExceeded: true);
        Values[key] = json;
        return Task.FromResult((long)json.Length);
    }

    public Task DeleteAsync(string key)
    {
        Values.Remove(key);
        return Task.CompletedTask;
    }

    public Task<int> DeleteAllAsync(string prefix)
    {
        var keys = Values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var key in keys) Values.Remove(key);
        return Task.FromResult(keys.Count);
    }
}
