using System.Text.Json;
using Microsoft.JSInterop;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// A browser's localStorage behind a JS runtime: answers wwwroot/js/browser-storage.js's functions
/// (and the framework's plain <c>localStorage.getItem/setItem</c>) as that module does, and measures
/// every message that would cross the circuit, so tests can hold the storage to Blazor's 32 KB limit.
/// </summary>
public sealed class FakeLocalStorageRuntime(long quotaChars = 5_000_000) : IJSRuntime, IJSObjectReference
{
    private readonly Dictionary<int, string> _reads = [];
    private readonly Dictionary<string, List<string>> _writes = [];
    private int _nextRead;

    public Dictionary<string, string> Items { get; } = [];

    /// <summary>The largest result sent back to the server, as JSON characters (the message the 32 KB limit applies to).</summary>
    public int LargestResult { get; private set; }

    /// <summary>The largest call from the server, as JSON characters.</summary>
    public int LargestCall { get; private set; }

    public int Calls { get; private set; }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
    {
        Calls++;
        args ??= [];
        LargestCall = Math.Max(LargestCall, JsonSerializer.Serialize(args).Length);
        object? result = identifier switch
        {
            "import" => this,
            "localStorage.getItem" => Items.GetValueOrDefault((string)args[0]!),
            "localStorage.setItem" => Set((string)args[0]!, (string)args[1]!) ? null : throw new JSException("QuotaExceededError: exceeded the quota"),
            "localStorage.removeItem" or "remove" => Items.Remove((string)args[0]!),
            "openItem" => Stage(Items.GetValueOrDefault((string)args[0]!)),
            "readSlice" => _reads[(int)args[0]!][(int)args[1]!..(int)args[2]!],
            "closeRead" => _reads.Remove((int)args[0]!),
            "append" => Append((string)args[0]!, (string)args[1]!),
            "commit" => Commit((string)args[0]!, (string)args[1]!),
            "discard" => _writes.Remove((string)args[0]!),
            "removeAll" => RemoveAll((string)args[0]!),
            _ => throw new InvalidOperationException($"browser-storage.js has no function '{identifier}'"),
        };
        if (typeof(TValue) == typeof(Microsoft.JSInterop.Infrastructure.IJSVoidResult)) return ValueTask.FromResult(default(TValue)!);
        if (result is not null && result is not FakeLocalStorageRuntime)
        {
            string json = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            LargestResult = Math.Max(LargestResult, json.Length);
            if (typeof(TValue) == typeof(IJSObjectReference) || typeof(TValue) == typeof(object)) return ValueTask.FromResult((TValue)result);
            return ValueTask.FromResult(JsonSerializer.Deserialize<TValue>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
        }
        return ValueTask.FromResult((TValue)result!);
    }

    private object? Stage(string? text)
    {
        if (text is null) return null;
        _reads[++_nextRead] = text;
        return new { id = _nextRead, length = text.Length };
    }

    private bool Append(string id, string text)
    {
        if (!_writes.TryGetValue(id, out var parts)) _writes[id] = parts = [];
        parts.Add(text);
        return true;
    }

    private bool Commit(string id, string key)
    {
        var parts = _writes.GetValueOrDefault(id) ?? [];
        _writes.Remove(id);
        return Set(key, string.Concat(parts));
    }

    private bool Set(string key, string value)
    {
        long used = Items.Where(p => p.Key != key).Sum(p => (long)p.Key.Length + p.Value.Length);
        if (used + key.Length + value.Length > quotaChars) return false;
        Items[key] = value;
        return true;
    }

    private int RemoveAll(string prefix)
    {
        var keys = Items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        keys.ForEach(k => Items.Remove(k));
        return keys.Count;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
