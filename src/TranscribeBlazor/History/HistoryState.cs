using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.History;

/// <summary>
/// One circuit's view of the browser's history: the list, the last word about it (evictions, a full
/// store, an index or entry that could not be read) and the actions on it. The history panel renders it.
/// </summary>
public sealed class HistoryState(HistoryStore store, TranscriptionSession session, TimeProvider time)
{
    private bool _loaded;

    public IReadOnlyList<HistorySummary> Entries { get; private set; } = [];

    /// <summary>What the user should know about the history right now, if anything.</summary>
    public string? Message { get; private set; }

    /// <summary>
    /// The history cannot be read or the browser is out of room: clearing it is the way out, so it is
    /// offered even when the list shows nothing (entries an unreadable index names still take room).
    /// </summary>
    public bool NeedsClearing { get; private set; }

    public event Action? Changed;

    private readonly Dictionary<string, string> _texts = []; // entry id → its words, lowercased, once read for a search

    /// <summary>What the list is filtered by (names at once, then the transcripts' words as they are read); "" for all.</summary>
    public string Query { get; private set; } = "";

    /// <summary>Transcripts are being read to search their words.</summary>
    public bool SearchingTexts { get; private set; }

    /// <summary>The entries the list shows: all, or those whose name or words contain <see cref="Query"/>.</summary>
    public IReadOnlyList<HistorySummary> Shown => Query.Length == 0 ? Entries : Entries.Where(Matches).ToList();

    /// <summary>Filters the list by name at once, then reads each transcript not read yet to search its words too.</summary>
    public async Task SearchAsync(string query)
    {
        Query = query.Trim();
        Changed?.Invoke();
        if (Query.Length == 0 || SearchingTexts) return; // a search under way reads the rest and then shows the latest query
        SearchingTexts = true;
        try
        {
            foreach (var summary in Entries.Where(e => !_texts.ContainsKey(e.Id)).ToList())
            {
                var entry = await store.GetAsync(summary.Id);
                _texts[summary.Id] = entry is null ? "" : string.Join(' ', entry.Results.Select(r => r.Transcript)).ToLowerInvariant();
                Changed?.Invoke();
            }
        }
        catch (HistoryUnreadableException)
        {
            // RefreshAsync says so below
        }
        finally
        {
            SearchingTexts = false;
        }
        await RefreshAsync();
    }

    private bool Matches(HistorySummary entry) =>
        entry.Name.Contains(Query, StringComparison.OrdinalIgnoreCase)
        || (_texts.TryGetValue(entry.Id, out var text) && text.Contains(Query.ToLowerInvariant(), StringComparison.Ordinal));

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
            NeedsClearing = true;
            Changed?.Invoke();
            return; // RefreshAsync would take the message back if the list reads fine
        }
        catch (HistoryUnreadableException e)
        {
            Message = $"{e.Message} This transcript was not added to it: export it, or clear the history to start again.";
            NeedsClearing = true;
            Changed?.Invoke();
            return;
        }
        await RefreshAsync();
    }

    /// <summary>Shows a kept transcript in the transcript panel; one that cannot be read any more leaves the list.</summary>
    public async Task OpenAsync(string id)
    {
        HistoryEntry? entry = null;
        await ActAsync(async () => entry = await store.GetAsync(id), refresh: false);
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

    /// <summary>Saves the correction on screen into its history entry (when it has one).</summary>
    public async Task SaveCorrectionAsync(SessionSnapshot shown)
    {
        if (shown.RunId is not { } id) return;
        _texts.Remove(id); // its words changed
        try
        {
            if (await store.CorrectAsync(id, shown.Transcript.Finals, shown.OriginalFinals)) return;
            Message = "This transcript is no longer in the history, so the correction was not saved there; export it to keep it.";
        }
        catch (HistoryFullException e)
        {
            Message = e.Message;
            NeedsClearing = true;
        }
        catch (HistoryUnreadableException e)
        {
            Message = $"{e.Message} The correction was not saved there: export it, or clear the history to start again.";
            NeedsClearing = true;
        }
        Changed?.Invoke();
    }

    public Task RenameAsync(string id, string name) => ActAsync(() => store.RenameAsync(id, name)); // an empty name is ignored there

    public Task DeleteAsync(string id) => ActAsync(() => store.DeleteAsync(id));

    public async Task ClearAsync()
    {
        await store.ClearAsync();
        Message = null;
        NeedsClearing = false;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        try
        {
            Entries = await store.ListAsync();
        }
        catch (HistoryUnreadableException e)
        {
            Entries = [];
            Message = $"{e.Message} Clear it to start again; your settings are not affected.";
            NeedsClearing = true;
        }
        Changed?.Invoke();
    }

    /// <summary>Runs a store action, then shows the list; an unreadable index is said by <see cref="RefreshAsync"/> instead of thrown.</summary>
    private async Task ActAsync(Func<Task> action, bool refresh = true)
    {
        try
        {
            await action();
        }
        catch (HistoryUnreadableException)
        {
            refresh = true;
        }
        if (refresh) await RefreshAsync();
    }
}
