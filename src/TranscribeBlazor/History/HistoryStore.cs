using System.Text.Json;
using TranscribeBlazor.Storage;

namespace TranscribeBlazor.History;

/// <summary>
/// Finished transcripts in the browser, newest first, within a size cap (oldest go first). Each entry
/// is its own key and the index is written last, so a failed write (the browser's quota) leaves what
/// was stored intact; an entry that cannot be read is dropped from the index, not fatal.
/// </summary>
public sealed class HistoryStore(IBrowserStorage storage, long capBytes = HistoryStore.DefaultCapBytes)
{
    public const long DefaultCapBytes = 4 * 1024 * 1024;
    private const string IndexKey = "history.index.v1";
    private const string EntryPrefix = "history.entry.v1.";

    public async Task<IReadOnlyList<HistorySummary>> ListAsync()
    {
        try
        {
            var index = await storage.GetAsync<List<HistorySummary>>(IndexKey);
            return (index ?? []).OrderByDescending(e => e.Created).ToList();
        }
        catch (BrowserStorageException)
        {
            // The index itself is unreadable: start again rather than lose the page. Entries are orphaned, not exposed.
            await storage.DeleteAsync(IndexKey);
            return [];
        }
    }

    /// <summary>The entry, or null when it is gone or unreadable (and then removed from the list).</summary>
    public async Task<HistoryEntry?> GetAsync(string id)
    {
        try
        {
            var entry = await storage.GetAsync<HistoryEntry>(EntryPrefix + id);
            if (entry is not null) return entry;
        }
        catch (BrowserStorageException)
        {
        }
        await RemoveFromIndexAsync(id);
        return null;
    }

    /// <summary>Stores an entry, evicting the oldest to stay within the cap. Returns what was evicted.</summary>
    /// <exception cref="HistoryFullException">The entry alone is larger than the cap, or the browser refused it.</exception>
    public async Task<IReadOnlyList<HistorySummary>> AddAsync(HistoryEntry entry)
    {
        long bytes = JsonSerializer.SerializeToUtf8Bytes(entry).Length;
        if (bytes > capBytes)
            throw new HistoryFullException($"This transcript ({bytes / 1024.0:0} KB) is larger than the history's {capBytes / 1024.0:0} KB; export it instead.");

        var index = (await ListAsync()).ToList();
        var evicted = new List<HistorySummary>();
        while (index.Count > 0 && index.Sum(e => e.Bytes) + bytes > capBytes)
        {
            var oldest = index.MinBy(e => e.Created)!;
            index.Remove(oldest);
            evicted.Add(oldest);
        }
        try
        {
            await storage.SetAsync(EntryPrefix + entry.Id, entry);
        }
        catch (BrowserStorageException e) when (e.QuotaExceeded)
        {
            throw new HistoryFullException("The browser's storage is full, so this transcript was not saved to history; export it instead. Earlier transcripts are unchanged.", e);
        }
        index.Add(entry.Summary(bytes));
        try
        {
            await storage.SetAsync(IndexKey, index);
        }
        catch (BrowserStorageException e) when (e.QuotaExceeded)
        {
            await storage.DeleteAsync(EntryPrefix + entry.Id);
            throw new HistoryFullException("The browser's storage is full, so this transcript was not saved to history; export it instead. Earlier transcripts are unchanged.", e);
        }
        foreach (var gone in evicted)
            await storage.DeleteAsync(EntryPrefix + gone.Id);
        return evicted;
    }

    public async Task RenameAsync(string id, string name)
    {
        name = name.Trim();
        if (name.Length == 0) return;
        var entry = await GetAsync(id);
        if (entry is null) return;
        await storage.SetAsync(EntryPrefix + id, entry with { Name = name });
        var index = (await ListAsync()).Select(e => e.Id == id ? e with { Name = name } : e).ToList();
        await storage.SetAsync(IndexKey, index);
    }

    public async Task DeleteAsync(string id)
    {
        await RemoveFromIndexAsync(id);
        await storage.DeleteAsync(EntryPrefix + id);
    }

    public async Task ClearAsync()
    {
        foreach (var entry in await ListAsync())
            await storage.DeleteAsync(EntryPrefix + entry.Id);
        await storage.DeleteAsync(IndexKey);
    }

    private async Task RemoveFromIndexAsync(string id)
    {
        var index = (await ListAsync()).Where(e => e.Id != id).ToList();
        await storage.SetAsync(IndexKey, index);
    }
}
