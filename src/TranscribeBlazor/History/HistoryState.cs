using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.History;

/// <summary>
/// One circuit's view of the browser's history: the list, the last word about it (evictions, a full
/// store, an entry that could not be read) and the actions on it. The history panel renders it.
/// </summary>
public sealed class HistoryState(HistoryStore store, TranscriptionSession session, TimeProvider time)
{
    private bool _loaded;

    public IReadOnlyList<HistorySummary> Entries { get; private set; } = [];

    /// <summary>What the user should know about the history right now, if anything.</summary>
    public string? Message { get; private set; }

    public event Action? Changed;

    public async Task LoadAsync()
    {
        if (_loaded) return;
        _loaded = true;
        await RefreshAsync();
    }

    /// <summary>Keeps a run that ended with something transcribed, once (the page may never have rendered its last state).</summary>
    public async Task KeepAsync(SessionSnapshot ended)
    {
        if (!ended.IsKeepable) return;
        var entry = HistoryEntry.Of(ended, time.GetUtcNow(), "Recording");
        try
        {
            var evicted = await store.AddAsync(entry);
            Message = evicted.Count > 0 ? $"History is full: removed the oldest ({string.Join(", ", evicted.Select(e => e.Name))})." : null;
        }
        catch (HistoryFullException e)
        {
            Message = e.Message;
        }
        await RefreshAsync();
    }

    /// <summary>Shows a kept transcript in the transcript panel; one that cannot be read any more leaves the list.</summary>
    public async Task OpenAsync(string id)
    {
        var entry = await store.GetAsync(id);
        if (entry is null)
        {
            Message = "That transcript could not be read any more and was removed from the list.";
            await RefreshAsync();
            return;
        }
        Message = null;
        entry.ShowIn(session);
        Changed?.Invoke();
    }

    public async Task RenameAsync(string id, string name)
    {
        await store.RenameAsync(id, name); // an empty name is ignored there
        await RefreshAsync();
    }

    public async Task DeleteAsync(string id)
    {
        await store.DeleteAsync(id);
        await RefreshAsync();
    }

    public async Task ClearAsync()
    {
        await store.ClearAsync();
        Message = null;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        Entries = await store.ListAsync();
        Changed?.Invoke();
    }
}
