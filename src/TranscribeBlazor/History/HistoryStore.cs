using TranscribeBlazor.IO;
using TranscribeBlazor.Storage;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.History;

/// <summary>
/// Finished transcripts in the browser, newest first, within a size cap (oldest go first). Each entry
/// is its own key and the index is written last, so a failed write (the browser's quota) leaves what
/// was stored intact; an entry that cannot be read is dropped from the index, not fatal. Sizes are
/// what the browser keeps (the encrypted, compressed text), the measure its quota counts.
/// </summary>
public sealed class HistoryStore(IBrowserStorage storage, long capBytes = HistoryStore.DefaultCapBytes)
{
    /// <summary>Chromium keeps about 5 million characters per site; this leaves a fifth for settings and slack.</summary>
    public const long DefaultCapBytes = 4 * 1024 * 1024;

    /// <summary>Every key of the history starts with this, so clearing it finds entries no index names any more.</summary>
    public const string KeyPrefix = "history.";
    private const string IndexKey = KeyPrefix + "index.v1";
    private const string EntryPrefix = KeyPrefix + "entry.v1.";

    private const string FullMessage = "The browser's storage is full, so this transcript was not saved to history; export it, or clear the history to make room. Earlier transcripts are unchanged.";

    /// <summary>The kept transcripts, newest first.</summary>
    /// <exception cref="HistoryUnreadableException">The index is there but cannot be read (damaged, or written with keys this server does not have).</exception>
    public async Task<IReadOnlyList<HistorySummary>> ListAsync()
    {
        try
        {
            var index = await storage.GetAsync<List<HistorySummary>>(IndexKey);
            return (index ?? []).OrderByDescending(e => e.Created).ToList();
        }
        catch (BrowserStorageException e)
        {
            // Not deleted here: on another instance without the same keys it may still be readable.
            throw new HistoryUnreadableException(e);
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
    /// <exception cref="HistoryUnreadableException">The index cannot be read, so nothing was stored.</exception>
    public async Task<IReadOnlyList<HistorySummary>> AddAsync(HistoryEntry entry)
    {
        var index = (await ListAsync()).ToList();
        string key = EntryPrefix + entry.Id;
        long bytes;
        try
        {
            bytes = await storage.SetAsync(key, entry);
        }
        catch (BrowserStorageException e) when (e.QuotaExceeded)
        {
            throw new HistoryFullException(FullMessage, e);
        }
        if (bytes > capBytes)
        {
            await storage.DeleteAsync(key);
            throw new HistoryFullException($"This transcript ({ByteSize.Format(bytes)} stored) is larger than the history's {ByteSize.Format(capBytes)}; export it instead.");
        }

        var evicted = new List<HistorySummary>();
        while (index.Count > 0 && index.Sum(e => e.Bytes) + bytes > capBytes)
        {
            var oldest = index.MinBy(e => e.Created)!;
            index.Remove(oldest);
            evicted.Add(oldest);
        }
        index.Add(entry.Summary(bytes));
        try
        {
            await storage.SetAsync(IndexKey, index);
        }
        catch (BrowserStorageException e) when (e.QuotaExceeded)
        {
            await storage.DeleteAsync(key);
            throw new HistoryFullException(FullMessage, e);
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
        long bytes = await storage.SetAsync(EntryPrefix + id, entry with { Name = name });
        var index = (await ListAsync()).Select(e => e.Id == id ? e with { Name = name, Bytes = bytes } : e).ToList();
        await storage.SetAsync(IndexKey, index);
    }

    /// <summary>Stores a person's correction of an entry (its original kept beside it); false when the entry is gone.</summary>
    public async Task<bool> CorrectAsync(string id, IReadOnlyList<TranscriptResult> results, IReadOnlyList<TranscriptResult>? original)
    {
        var entry = await GetAsync(id);
        if (entry is null) return false;
        long bytes;
        try
        {
            bytes = await storage.SetAsync(EntryPrefix + id, entry with { Results = results, Original = original });
        }
        catch (BrowserStorageException e) when (e.QuotaExceeded)
        {
            throw new HistoryFullException("The browser's storage is full, so this correction was not saved to history; export it, or clear the history to make room. The saved transcript is unchanged.", e);
        }
        var index = (await ListAsync()).Select(e => e.Id == id ? e with { Bytes = bytes } : e).ToList();
        await storage.SetAsync(IndexKey, index);
        return true;
    }

    public async Task DeleteAsync(string id)
    {
        await RemoveFromIndexAsync(id);
        await storage.DeleteAsync(EntryPrefix + id);
    }

    /// <summary>Removes every key of the history, also entries an unreadable or lost index left behind; returns how many keys.</summary>
    public Task<int> ClearAsync() => storage.DeleteAllAsync(KeyPrefix);

    private async Task RemoveFromIndexAsync(string id)
    {
        var index = (await ListAsync()).Where(e => e.Id != id).ToList();
        await storage.SetAsync(IndexKey, index);
    }
}
